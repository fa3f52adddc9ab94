using ImportsService.Application.Access.ResolveCaller;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Application.Access;

/// <summary>The Access module: who a caller is and which accounts they may read.</summary>
public static class AccessModule
{
    public static IServiceCollection AddAccessModule(this IServiceCollection services)
    {
        services.AddTransient<IRequestHandler<ResolveCallerQuery, CallerResolution>, ResolveCallerHandler>();
        return services;
    }
}
