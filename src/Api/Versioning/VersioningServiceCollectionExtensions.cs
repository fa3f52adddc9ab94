using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImportsService.Api.Versioning;

public static class VersioningServiceCollectionExtensions
{
    /// <summary>
    /// What <c>UseApiVersions</c> and the imports endpoints need: the clock that says what "future" is, and the
    /// imports wire format of each release. The releases themselves are registered by <c>AddApplication</c>.
    /// </summary>
    public static IServiceCollection AddApiVersions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IImportsWireFormat, ImportsWireFormat20240101>();
        services.AddSingleton<ImportsWireFormats>();
        return services;
    }
}
