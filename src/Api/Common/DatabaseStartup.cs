using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Common;

internal static partial class DatabaseStartup
{
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
