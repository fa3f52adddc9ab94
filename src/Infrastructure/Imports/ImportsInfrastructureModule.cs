using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports.Sqlite;
using ImportsService.Infrastructure.Imports.SqlServer;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Imports;

/// <summary>The Imports module's adapters: one page reader per database dialect.</summary>
internal static class ImportsInfrastructureModule
{
    public static IServiceCollection AddImportsInfrastructure(this IServiceCollection services, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddSingleton<IImportPageReader, SqliteImportPageReader>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddSingleton<IImportPageReader, SqlServerImportPageReader>();
                break;
            default:
                throw new NotSupportedException($"No import page reader for {provider}.");
        }

        return services;
    }
}
