using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using ImportsService.Application.Common.Exceptions;

namespace ImportsService.Api.Cli;

/// <summary>
/// The verbs Program runs instead of the web host, one class each (<see cref="MigrateVerb"/>, <see cref="SeedVerb"/>,
/// <see cref="KeysCreateVerb"/>, <see cref="KeysRevokeVerb"/>), parsed by System.CommandLine: <c>--help</c> at every
/// level, options in any order. Exit codes: 0 done (and help), 1 database unreachable, 2 bad arguments or refused
/// (reason and usage on stderr), 130 cancelled.
/// </summary>
internal static class CommandLineVerbs
{
    public const int Success = 0;
    public const int DatabaseUnavailable = 1;
    public const int BadArguments = 2;
    public const int Cancelled = 130;

    public const string AllowDemoCredentials = "--allow-demo-credentials";

    public const string DefaultKeyUserName = KeysCreateVerb.DefaultKeyUserName;

    private static readonly string[] Verbs = ["migrate", "seed", "keys"];

    // The root's own help and version: answered like a verb, so `-- --help` never starts the web server.
    private static readonly string[] RootOptions = ["--help", "-h", "-?", "/?", "/h", "--version"];

    /// <summary>Whether the arguments ask for a verb (or the verbs' help) rather than the web host.</summary>
    public static bool IsVerb(string[] args) =>
        args is [var first, ..] && (Verbs.Contains(first, StringComparer.Ordinal) || RootOptions.Contains(first, StringComparer.Ordinal));

    /// <summary>
    /// A verb's stdout is its result (<c>keys create</c> prints the key there, for <c>KEY=$(…)</c>), so every
    /// console sink configured under <c>Serilog:WriteTo</c>, and the default one, writes all its events to stderr instead.
    /// </summary>
    public static void SendConsoleLogsToStandardError(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration[Logging.LoggingExtensions.ConsoleToStandardErrorKey] = "true";
        foreach (var sink in configuration.GetSection("Serilog:WriteTo").GetChildren())
        {
            if (string.Equals(sink["Name"], "Console", StringComparison.OrdinalIgnoreCase))
            {
                configuration[$"{sink.Path}:Args:standardErrorFromLevel"] = "Verbose";
            }
        }
    }

    /// <summary>
    /// Answers help, <c>--version</c> and bad arguments, which need no services: Program calls it before building the
    /// host, so neither the database nor the configuration's checks are touched. Null when a verb is to run.
    /// </summary>
    public static int? AnswerWithoutServices(string[] args, TextWriter output, TextWriter error)
    {
        var context = new VerbContext(() => throw new InvalidOperationException("Help and bad arguments need no services."), output, error, outputIsTerminal: false);
        var parsed = Parse(args, context);
        return RunsVerb(parsed) ? null : Answer(parsed, output, error);
    }

    /// <summary>Runs a verb whose output is not a terminal (progress as plain lines).</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        RunAsync(services, args, output, error, outputIsTerminal: false, cancellationToken);

    /// <param name="outputIsTerminal">
    /// Whether <paramref name="output"/> is a terminal (<c>!Console.IsOutputRedirected</c>): seed progress is then one
    /// line rewritten in place rather than a line every 100,000 rows or 5 seconds.
    /// </param>
    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextWriter output, TextWriter error, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var parsed = Parse(args, new VerbContext(() => services, output, error, outputIsTerminal));
        if (!RunsVerb(parsed))
        {
            return Answer(parsed, output, error);
        }

        try
        {
            // Exceptions reach the catches below (no default handler), and Ctrl+C is Program's to handle.
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }
        catch (DatabaseUnavailableException exception)
        {
            await error.WriteLineAsync($"The database is unavailable: {exception.Message}");
            return DatabaseUnavailable;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return Cancelled;
        }
    }

    /// <summary>
    /// The verbs' tree. A plain command named after the assembly rather than a RootCommand, whose name is the host
    /// executable's (dotnet, or a test host); help and version are added as RootCommand would.
    /// </summary>
    internal static Command Create(VerbContext context)
    {
        var keys = new Command("keys", "Issue and revoke API keys.")
        {
            KeysCreateVerb.Create(context),
            KeysRevokeVerb.Create(context),
        };
        return new Command(
            "ImportsService.Api",
            "ImportsService: with no verb, the web API; with one, an operation on its database, after which it exits. " +
            "From the repository: dotnet run --project src/Api -- <verb> [options]; from a build: dotnet ImportsService.Api.dll <verb> [options].")
        {
            new HelpOption(),
            new VersionOption(),
            MigrateVerb.Create(context),
            SeedVerb.Create(context),
            keys,
        };
    }

    private static ParseResult Parse(string[] args, VerbContext context) => Create(context).Parse(args);

    /// <summary>A verb runs when the arguments parsed and asked for the command's own action (not help or version).</summary>
    private static bool RunsVerb(ParseResult parsed) =>
        parsed.Errors.Count == 0 && parsed.Action is not null && ReferenceEquals(parsed.Action, parsed.CommandResult.Command.Action);

    /// <summary>Help and version on stdout with 0; errors, then the usage of the command they concern, on stderr with 2.</summary>
    private static int Answer(ParseResult parsed, TextWriter output, TextWriter error)
    {
        if (parsed.Errors.Count == 0 && parsed.Action is not null)
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }

        foreach (var problem in parsed.Errors)
        {
            error.WriteLine(problem.Message);
        }

        error.WriteLine();
        var path = new List<string>();
        for (var result = parsed.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        path.Add("--help");
        var help = parsed.RootCommandResult.Command.Parse(path);
        help.Invoke(new InvocationConfiguration { Output = error, Error = error, EnableDefaultExceptionHandler = false });
        return BadArguments;
    }
}
