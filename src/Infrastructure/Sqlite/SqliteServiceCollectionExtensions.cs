using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>The SQLite dialect, registered as one unit.</summary>
internal static class SqliteServiceCollectionExtensions
{
    /// <summary>A file next to the service when <c>ConnectionStrings:Imports</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=imports.db";

    /// <summary>The connection factory, migrator, probe and seeder, and the adapters that take the connection factory (<see cref="PortAdapters"/>).</summary>
    public static IServiceCollection AddSqlite(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseServiceCollectionExtensions.ConnectionStringName) ?? DefaultConnectionString;
        services.AddSingleton(new SqliteConnectionFactory(connectionString, configuration.ReadDatabaseOptions().StatementBudget));
        return services.AddDialect<SqliteConnectionFactory, SqliteDatabaseMigrator, SqliteDatabaseProbe, SqliteDemoDataSeeder>();
    }
}
