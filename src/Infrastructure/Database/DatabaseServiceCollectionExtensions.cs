using ImportsService.Infrastructure.Database.Sqlite;
using ImportsService.Infrastructure.Database.SqlServer;
using ImportsService.Infrastructure.Seeding;
using ImportsService.Infrastructure.Seeding.Sqlite;
using ImportsService.Infrastructure.Seeding.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Database;

internal static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Imports";
    public const string DefaultSqliteConnectionString = "Data Source=imports.db";

    /// <summary>Optional: a readable secondary (or replica) the import page reader uses instead of the primary.</summary>
    public const string ReadConnectionStringName = "ImportsRead";

    /// <summary>The connection factory, migrator, probe and seeder of the configured provider.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.CommandTimeoutSeconds > 0, "Database:CommandTimeoutSeconds must be positive.")
            .Validate(o => o.SqlServer.ConnectTimeoutSeconds > 0, "Database:SqlServer:ConnectTimeoutSeconds must be positive.")
            .Validate(o => o.SqlServer.RetryCount is >= 0 and < 60, "Database:SqlServer:RetryCount must be between 0 and 59.")
            .Validate(o => o.SqlServer.RetryDelayMilliseconds >= 0 && o.SqlServer.MaxRetryDelayMilliseconds is >= 0 and <= 120_000,
                "Database:SqlServer retry delays must be between 0 and 120000 milliseconds.");

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqliteConnectionString;
                services.AddSingleton(new SqliteConnectionFactory(connectionString));
                services.AddSingleton<IDatabaseMigrator, SqliteDatabaseMigrator>();
                services.AddSingleton<IDatabaseProbe, SqliteDatabaseProbe>();
                services.AddSingleton<IDemoDataSeeder, SqliteDemoDataSeeder>();
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = new SqlServerOptions();
                configuration.GetSection($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.SqlServer)}").Bind(sqlServer);
                var primary = configuration.GetConnectionString(ConnectionStringName)
                              ?? throw new InvalidOperationException($"Database:Provider SqlServer needs ConnectionStrings:{ConnectionStringName}.");
                services.AddSingleton(new SqlServerConnectionFactory(primary, configuration.GetConnectionString(ReadConnectionStringName), sqlServer));
                services.AddSingleton<IDatabaseMigrator, SqlServerDatabaseMigrator>();
                services.AddSingleton<IDatabaseProbe, SqlServerDatabaseProbe>();
                services.AddSingleton<IDemoDataSeeder, SqlServerDemoDataSeeder>();
                break;
            default:
                throw new NotSupportedException($"Database:Provider {provider} is not supported; use Sqlite or SqlServer.");
        }

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
