using ImportsService.Application.Imports.Cursors;

namespace ImportsService.Api.Imports;

public static class ImportsApiServiceCollectionExtensions
{
    /// <summary>
    /// What the imports endpoints take from configuration: the cursor signing keys (section <c>Cursors</c>).
    /// <c>AddApplication</c> validates them on start, so a missing or short key stops start-up rather than
    /// failing the first request.
    /// </summary>
    public static IServiceCollection AddImportsApi(this IServiceCollection services)
    {
        services.AddOptions<CursorSigningOptions>().BindConfiguration(CursorSigningOptions.SectionName);
        return services;
    }
}
