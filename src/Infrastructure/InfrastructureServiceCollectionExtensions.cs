using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>The only place that chooses between dialects.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = configuration.GetValue($"{DatabaseOptions.SectionName}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);

        services.AddDatabase(configuration);
        return provider switch
        {
            DatabaseProvider.Sqlite => services.AddSqlite(configuration),
            DatabaseProvider.SqlServer => services.AddSqlServer(configuration),
            _ => throw new NotSupportedException($"Database:Provider {provider} is not supported; use Sqlite or SqlServer."),
        };
    }
}
