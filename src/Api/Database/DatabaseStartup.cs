using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Database;

internal static partial class DatabaseStartup
{
    /// <summary>The process exit code when the SQLite database file cannot be created or written.</summary>
    public const int SqliteFileUnusableExitCode = 3;

    private const string DefaultSqliteConnectionString = "Data Source=imports.db";

    /// <summary>
    /// With the SQLite provider, whether the database file can be created (or, when it exists, opened for
    /// writing): null when it can (or when the provider is not SQLite, or the database lives in memory),
    /// else one line that says which path failed, why, and what to set. The file is not left behind: SQLite
    /// creates it. Unreachable SQL Server is not a start-up error (the service starts and is not ready);
    /// a path that can never work is.
    /// </summary>
    public static string? FindSqliteFileProblem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration[$"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}"];
        if (!string.IsNullOrEmpty(provider) && !string.Equals(provider, nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Imports") ?? DefaultSqliteConnectionString);
        }
        catch (ArgumentException exception)
        {
            return OneLine($"ConnectionStrings:Imports is not a valid SQLite connection string: {exception.Message}");
        }

        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(dataSource)
            || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string path = dataSource;
        try
        {
            path = Path.GetFullPath(dataSource);
            if (Path.GetDirectoryName(path) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            if (File.Exists(path))
            {
                using var existing = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            else
            {
                new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None).Dispose();
                File.Delete(path);
            }

            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return OneLine(
                $"The SQLite database file {path} cannot be created or written ({exception.GetType().Name}: {exception.Message}). " +
                "Set ConnectionStrings:Imports (environment: ConnectionStrings__Imports) to a writable path, e.g. Data Source=/var/lib/imports/imports.db.");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// Migrates when <c>Database:MigrateOnStartup</c> (the default) and, in Development, seeds the demo
    /// tenants into an empty database. An unreachable database does not stop start-up: the service
    /// answers 503 and /health/ready reports it until the database is back.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            if (options.MigrateOnStartup)
            {
                await app.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(stopping);
            }

            if (app.Environment.IsDevelopment() && await app.Services.GetRequiredService<IDemoDataSeeder>().SeedIfEmptyAsync(stopping))
            {
                LogSeeded(logger);
            }
        }
        catch (DatabaseUnavailableException exception)
        {
            LogDatabaseUnavailable(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable at start-up; the service starts anyway and reports not ready")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo tenants into the empty database")]
    private static partial void LogSeeded(ILogger logger);
}
