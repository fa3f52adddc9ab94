using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Database;

internal static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "Imports";

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.CommandTimeoutSeconds > 0, "Database:CommandTimeoutSeconds must be positive.")
            .Validate(o => o.StatementTimeoutMs >= 0, "Database:StatementTimeoutMs must be 0 (no budget) or a positive number of milliseconds.");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>For what a dialect builds before the container exists (its connection factory).</summary>
    public static DatabaseOptions ReadDatabaseOptions(this IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.SectionName).Bind(options);
        return options;
    }

    /// <summary>Besides its connection factory, a dialect's migrator, probe, seeder and adapters (<see cref="PortAdapters"/>).</summary>
    public static IServiceCollection AddDialect<TConnectionFactory, TMigrator, TProbe, TSeeder>(this IServiceCollection services)
        where TMigrator : class, IDatabaseMigrator
        where TProbe : class, IDatabaseProbe
        where TSeeder : class, IDemoDataSeeder
    {
        services.AddSingleton<IDatabaseMigrator, TMigrator>();
        services.AddSingleton<IDatabaseProbe, TProbe>();
        services.AddSingleton<IDemoDataSeeder, TSeeder>();
        return services.AddPortAdapters<TConnectionFactory>();
    }
}
