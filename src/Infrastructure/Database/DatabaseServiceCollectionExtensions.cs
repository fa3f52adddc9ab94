using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Database;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>The connection string every provider reads (<c>ConnectionStrings:Imports</c>).</summary>
    public const string ConnectionStringName = "Imports";

    /// <summary>What every provider shares: the bound and validated <c>Database</c> options and the "ready" health check.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.CommandTimeoutSeconds > 0, "Database:CommandTimeoutSeconds must be positive.");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }
}
