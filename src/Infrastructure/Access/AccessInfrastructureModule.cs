using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Infrastructure.Access.Sqlite;
using ImportsService.Infrastructure.Access.SqlServer;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Access;

/// <summary>The Access module's adapters: one caller-access reader per database dialect.</summary>
internal static class AccessInfrastructureModule
{
    public static IServiceCollection AddAccessInfrastructure(this IServiceCollection services, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton<ICallerAccessReader, SqliteCallerAccessReader>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddSingleton<ICallerAccessReader, SqlServerCallerAccessReader>();
                break;
            default:
                throw new NotSupportedException($"No caller-access reader for {provider}.");
        }

        return services;
    }
}
