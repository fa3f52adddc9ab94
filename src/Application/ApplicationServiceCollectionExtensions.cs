using ImportsService.Application.Access;
using ImportsService.Application.Common.Behaviours;
using ImportsService.Application.Imports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The mediator, its pipeline and every module's use cases. MediatR 5.1.0 has no assembly scanning:
    /// each module registers its own handlers and validators by hand, so what runs is what is listed.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService);
        services.AddScoped<IMediator, Mediator>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        services.AddAccessModule();
        services.AddImportsModule();
        return services;
    }
}
