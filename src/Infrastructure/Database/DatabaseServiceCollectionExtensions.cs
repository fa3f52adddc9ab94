using ImportsService.Infrastructure.Database.Sqlite;
using ImportsService.Infrastructure.Seeding;
using ImportsService.Infrastructure.Seeding.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Database;

internal static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Imports";
    public const string DefaultSqliteConnectionString = "Data Source=imports.db";

    /// <summary>The connection factory, migrator, probe and seeder of the configured provider.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.CommandTimeoutSeconds > 0, "Database:CommandTimeoutSeconds must be positive.");

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? DefaultSqliteConnectionString;
                services.AddSingleton(new SqliteConnectionFactory(connectionString));
                services.AddSingleton<IDatabaseMigrator, SqliteDatabaseMigrator>();
                services.AddSingleton<IDatabaseProbe, SqliteDatabaseProbe>();
                services.AddSingleton<IDemoDataSeeder, SqliteDemoDataSeeder>();
                break;
            default:
                throw new NotSupportedException($"Database:Provider {provider} is not available yet; use Sqlite.");
        }

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
