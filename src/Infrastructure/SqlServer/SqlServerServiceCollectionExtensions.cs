using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.SqlServer;

internal static class SqlServerServiceCollectionExtensions
{
    /// <summary>Optional: a readable secondary the import readers use instead of the primary.</summary>
    public const string ReadConnectionStringName = "ImportsRead";

    /// <summary>Nothing here connects: an unreachable server shows when the first statement runs.</summary>
    public static IServiceCollection AddSqlServer(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SqlServerOptions.SectionName);
        services.AddOptions<SqlServerOptions>().Bind(section)
            .Validate(o => o.ConnectTimeoutSeconds > 0, "Database:SqlServer:ConnectTimeoutSeconds must be positive.")
            .Validate(o => o.RetryCount is >= 0 and < 60, "Database:SqlServer:RetryCount must be between 0 and 59.")
            .Validate(o => o.RetryDelayMilliseconds >= 0 && o.MaxRetryDelayMilliseconds is >= 0 and <= 120_000,
                "Database:SqlServer retry delays must be between 0 and 120000 milliseconds.")
            .Validate(o => o.MigrationLockTimeoutSeconds is > 0 and <= 3_600, "Database:SqlServer:MigrationLockTimeoutSeconds must be between 1 and 3600.");

        var settings = new SqlServerOptions();
        section.Bind(settings);
        var connectionStringName = DatabaseServiceCollectionExtensions.ConnectionStringName;
        var primary = configuration.GetConnectionString(connectionStringName)
                      ?? throw new InvalidOperationException($"Database:Provider SqlServer needs ConnectionStrings:{connectionStringName}.");
        services.AddSingleton(new SqlServerConnectionFactory(
            primary, configuration.GetConnectionString(ReadConnectionStringName), settings, configuration.ReadDatabaseOptions().StatementCommandTimeoutSeconds));
        services.AddSingleton<ReadCommittedSnapshotCheck>();
        return services.AddDialect<SqlServerConnectionFactory, SqlServerDatabaseMigrator, SqlServerDatabaseProbe, SqlServerDemoDataSeeder>();
    }
}
