using ImportsService.Domain.Imports;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Imports;

public static class ImportsApiServiceCollectionExtensions
{
    /// <summary>
    /// What the imports endpoints need beyond the use cases: the cursor codec, keyed from configuration.
    /// A missing or short key stops start-up (options are validated on start) rather than failing the first request.
    /// </summary>
    public static IServiceCollection AddImportsApi(this IServiceCollection services)
    {
        services.AddOptions<CursorSigningOptions>()
            .BindConfiguration(CursorSigningOptions.SectionName)
            .Validate(o => o.HasKey, CursorSigningOptions.MissingKeyMessage)
            .Validate(o => o.KeysAreLongEnough, CursorSigningOptions.ShortKeyMessage)
            .ValidateOnStart();
        services.AddSingleton(provider => new ImportCursorCodec(provider.GetRequiredService<IOptions<CursorSigningOptions>>().Value.KeyBytes));
        return services;
    }
}
