using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Application.Versioning;

public static class ApiReleasesServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ApiReleases"/> as a singleton, made of every registered <see cref="ApiRelease"/>: the shipped
    /// ones (<see cref="ApiReleases.Shipped"/>) and any a host adds with <see cref="AddApiRelease"/>.
    /// </summary>
    public static IServiceCollection AddApiReleases(this IServiceCollection services)
    {
        foreach (var date in ApiReleases.Shipped)
        {
            services.AddApiRelease(date);
        }

        services.AddSingleton(provider => new ApiReleases(provider.GetServices<ApiRelease>().Select(release => release.Date)));
        return services;
    }

    /// <summary>Adds one release (tests register a hypothetical later one this way).</summary>
    public static IServiceCollection AddApiRelease(this IServiceCollection services, DateOnly date) =>
        services.AddSingleton(new ApiRelease(date));
}
