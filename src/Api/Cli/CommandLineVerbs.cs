using System.Globalization;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Cli;

/// <summary>
/// The verbs Program runs instead of the web host: <c>migrate</c>, and <c>seed --imports N</c>.
/// Exit codes: 0 done, 1 database unreachable, 2 bad arguments or refused (reason on stderr), 130 cancelled.
/// </summary>
internal static class CommandLineVerbs
{
    public const int Success = 0;
    public const int DatabaseUnavailable = 1;
    public const int BadArguments = 2;
    public const int Cancelled = 130;

    public const string AllowDemoCredentials = "--allow-demo-credentials";

    private const string Usage =
        """
        Usage:
          dotnet run --project src/Api -- migrate              apply pending database migrations
          dotnet run --project src/Api -- seed --imports N     migrate, then add N generated imports (1..1000000) to the demo account
                                                               (creates the demo tenants and their public API keys when missing:
                                                               outside Development only with --allow-demo-credentials)
        """;

    private const string DemoCredentialsRefused =
        "seed creates the demo tenants with their well-known API keys (demo-api-key, …), which would open this database " +
        "to anyone. It runs in the Development environment; anywhere else add " + AllowDemoCredentials + " if you mean it.";

    private static readonly string[] Verbs = ["migrate", "seed"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        try
        {
            return await RunVerbAsync(services, args, output, error, cancellationToken);
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

    private static async Task<int> RunVerbAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
                await services.GetRequiredService<IDemoDataSeeder>().AddDemoImportsAsync(count, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Database migrated; added {count} imports to the demo account (Account-Token: {DemoTenants.DemoAccountToken}, Authorization: Token {DemoTenants.DemoApiKey})."));
                return Success;

            default:
                await error.WriteLineAsync(Usage);
                return BadArguments;
        }
    }
}
