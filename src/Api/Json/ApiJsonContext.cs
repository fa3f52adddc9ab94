using System.Text.Json.Serialization;
using ImportsService.Api.Imports;
using ImportsService.Api.Errors;

namespace ImportsService.Api.Json;

/// <summary>
/// System.Text.Json metadata generated at compile time for the bodies the service writes on its hot paths
/// (the list, one import, the 400), so serializing them needs no reflection. It is first in the resolver
/// chain; anything else (problem details, a later release's bodies) falls back to the default resolver.
/// </summary>
[JsonSerializable(typeof(ListImportsResponse))]
[JsonSerializable(typeof(ImportResponse))]
[JsonSerializable(typeof(ValidationErrorsResponse))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>Puts the generated metadata first for MVC results and for <c>WriteAsJsonAsync</c>.</summary>
    public static IServiceCollection AddApiJson(IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, Default));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, Default));
        return services;
    }
}
