using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImportsService.Api.Versioning;

public static class VersioningServiceCollectionExtensions
{
    /// <summary>
    /// What <c>UseApiVersions</c> and the endpoints need: the clock that says what "future" is, and every response format
    /// of every endpoint (each slice's <see cref="IResponseFormat{TResult}"/> classes). The releases themselves are
    /// registered by <c>AddApplication</c>.
    /// </summary>
    public static IServiceCollection AddApiVersions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSliceSingletons<IResponseFormat>();
        services.AddSingleton<ResponseFormats>();
        return services;
    }
}
