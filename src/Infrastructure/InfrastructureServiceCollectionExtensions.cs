using ImportsService.Infrastructure.Access;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// The database of <c>Database:Provider</c> (Sqlite by default) with its migrator, seeder and "ready"
    /// health check, and every module's adapters for it.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration.GetValue($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);

        services.AddDatabase(configuration, provider);
        services.AddAccessInfrastructure(provider);
        services.AddImportsInfrastructure(provider);
        return services;
    }
}
