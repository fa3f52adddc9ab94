using FluentValidation;
using ImportsService.Application.Imports.ListImports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Application.Imports;

/// <summary>The Imports module's use cases. A new query adds its handler and validator here.</summary>
public static class ImportsModule
{
    public static IServiceCollection AddImportsModule(this IServiceCollection services)
    {
        services.AddTransient<IRequestHandler<ListImportsQuery, ListImportsResult>, ListImportsHandler>();
        services.AddTransient<IValidator<ListImportsQuery>, ListImportsQueryValidator>();
        return services;
    }
}
