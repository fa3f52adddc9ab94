using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Sqlite;

internal static class SqliteServiceCollectionExtensions
{
    /// <summary>A file next to the service when <c>ConnectionStrings:Imports</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=imports.db";

    public static IServiceCollection AddSqlite(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseServiceCollectionExtensions.ConnectionStringName) ?? DefaultConnectionString;
        services.AddSingleton(new SqliteConnectionFactory(connectionString, configuration.ReadDatabaseOptions().StatementBudget));
        return services.AddDialect<SqliteConnectionFactory, SqliteDatabaseMigrator, SqliteDatabaseProbe, SqliteDemoDataSeeder>();
    }
}
