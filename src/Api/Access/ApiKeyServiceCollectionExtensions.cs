using ImportsService.Application.Access.ApiKeys;

namespace ImportsService.Api.Access;

public static class ApiKeyServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>ApiKeys</c> section (the peppers issued keys are hashed with). <c>AddApplication</c> validates
    /// it on start, so outside Development (where appsettings.Development.json holds a development pepper) the
    /// service refuses to start without <c>ApiKeys__Pepper__0</c>, like it does without a cursor signing key.
    /// </summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName);
        return services;
    }
}
