using System.Globalization;
using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Seeding;
using MediatR;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Cli;

/// <summary>
/// The verbs Program runs instead of the web host: <c>migrate</c>, <c>seed --imports N</c>, and <c>keys create|revoke</c>.
/// Exit codes: 0 done, 1 database unreachable, 2 bad arguments or refused (reason on stderr), 130 cancelled.
/// </summary>
internal static class CommandLineVerbs
{
    public const int Success = 0;
    public const int DatabaseUnavailable = 1;
    public const int BadArguments = 2;
    public const int Cancelled = 130;

    public const string AllowDemoCredentials = "--allow-demo-credentials";

    public const string DefaultKeyUserName = "API key user";

    private const string Usage =
        """
        Usage:
          dotnet run --project src/Api -- migrate              apply pending database migrations
          dotnet run --project src/Api -- seed --imports N     migrate, then add N generated imports (1..1000000) to the demo account
                                                               (creates the demo tenants and their public API keys when missing:
                                                               outside Development only with --allow-demo-credentials)
          dotnet run --project src/Api -- keys create --account-token <token> [--name <user name>] [--no-read]
                                                               migrate, then issue a key for a new user who is a member of that
                                                               account (may read its imports unless --no-read); the key is
                                                               printed once, alone on stdout, and only its hash is stored
          dotnet run --project src/Api -- keys revoke --key <api key>
          dotnet run --project src/Api -- keys revoke --id <key id>
                                                               revoke a key: it stops authenticating at once
        """;

    private const string DemoCredentialsRefused =
        "seed creates the demo tenants with their well-known API keys (demo-api-key, …), which would open this database " +
        "to anyone. It runs in the Development environment; anywhere else add " + AllowDemoCredentials + " if you mean it.";

    private static readonly string[] Verbs = ["migrate", "seed", "keys"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

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

        try
        {
            return await RunVerbAsync(services, args, output, error, outputIsTerminal, cancellationToken);
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

    private static async Task<int> RunVerbAsync(
        IServiceProvider services, string[] args, TextWriter output, TextWriter error, bool outputIsTerminal, CancellationToken cancellationToken)
    {
        switch (args)
        {
            case ["migrate"]:
                await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
                await output.WriteLineAsync("Database migrated.");
                return Success;

            case ["seed", "--imports", var countText, .. var flags]
                when int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 1_000_000
                     && flags is [] or [AllowDemoCredentials]:
                if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() && flags is not [AllowDemoCredentials])
                {
                    await error.WriteLineAsync(DemoCredentialsRefused);
                    return BadArguments;
                }

                await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
                await services.GetRequiredService<IDemoDataSeeder>().AddDemoImportsAsync(count, new SeedProgressPrinter(output, outputIsTerminal), cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Database migrated; added {count} imports to the demo account (Account-Token: {DemoTenants.DemoAccountToken}, Authorization: Token {DemoTenants.DemoApiKey})."));
                return Success;

            case ["keys", "create", .. var options]
                when Options.Parse(options, values: ["--account-token", "--name"], flags: ["--no-read"]) is { } create && create.Has("--account-token"):
                return await KeysAsync(services, output, error, new CreateApiKeyCommand(
                    create.Value("--account-token")!, create.Value("--name") ?? DefaultKeyUserName, CanReadImports: !create.Has("--no-read")), cancellationToken);

            case ["keys", "revoke", .. var options]
                when Options.Parse(options, values: ["--key", "--id"], flags: []) is { } revoke && (revoke.Has("--key") || revoke.Has("--id")):
                long? id = null;
                if (revoke.Value("--id") is { } idText)
                {
                    if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                    {
                        await error.WriteLineAsync("--id takes the key's id, a positive number (keys create printed it).");
                        return BadArguments;
                    }

                    id = parsed;
                }

                return await KeysAsync(services, output, error, new RevokeApiKeyCommand(revoke.Value("--key"), id), cancellationToken);

            default:
                await error.WriteLineAsync(Usage);
                return BadArguments;
        }
    }

    /// <summary>
    /// Runs a key command through the application pipeline after migrating. The key is written to
    /// <paramref name="output"/> only, once, and never to a log.
    /// </summary>
    private static async Task<int> KeysAsync<TResult>(IServiceProvider services, TextWriter output, TextWriter error, IRequest<TResult> command, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            switch (result)
            {
                case CreateApiKeyResult created:
                    var may = created.CanReadImports ? "may" : "may not";
                    await error.WriteLineAsync(FormattableString.Invariant(
                        $"Created API key {created.KeyId} for user {created.UserId} in account {created.AccountId}; it {may} read the account's imports. It is printed once, below: only its hash is stored, so it cannot be shown again (revoke it with: keys revoke --id {created.KeyId})."));
                    if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
                    {
                        await error.WriteLineAsync("Development: the key is hashed with the development pepper and works only where that pepper is configured.");
                    }

                    await output.WriteLineAsync(created.ApiKey);
                    return Success;

                case RevokeApiKeyResult { Revoked: > 0 }:
                    await output.WriteLineAsync("Revoked: the key no longer authenticates.");
                    return Success;

                default:
                    await error.WriteLineAsync("No active key matches; nothing was revoked (unknown key or id, or revoked already).");
                    return BadArguments;
            }
        }
        catch (RequestValidationException exception)
        {
            foreach (var (option, messages) in exception.Errors)
            {
                await error.WriteLineAsync($"--{option}: {string.Join(" ", messages)}");
            }

            return BadArguments;
        }
        catch (NotFoundException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return BadArguments;
        }
        catch (OptionsValidationException exception)
        {
            // No pepper outside Development, for instance: say how to configure it.
            await error.WriteLineAsync(string.Join(Environment.NewLine, exception.Failures));
            return BadArguments;
        }
    }

    /// <summary><c>--name value</c> pairs and bare flags, each at most once; anything else makes the whole parse fail.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> given = new(StringComparer.Ordinal);

        public static Options? Parse(string[] args, string[] values, string[] flags)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (options.given.ContainsKey(name))
                {
                    return null;
                }

                if (flags.Contains(name, StringComparer.Ordinal))
                {
                    options.given[name] = null;
                }
                else if (values.Contains(name, StringComparer.Ordinal) && i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    options.given[name] = args[++i];
                }
                else
                {
                    return null;
                }
            }

            return options;
        }

        public bool Has(string name) => given.ContainsKey(name);

        public string? Value(string name) => given.GetValueOrDefault(name);
    }
}
