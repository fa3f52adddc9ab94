using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ImportsService.Api.Json;

public static class JsonServiceCollectionExtensions
{
    /// <summary>
    /// Puts every source-generated <see cref="JsonSerializerContext"/> of the Api assembly (the shared
    /// <see cref="ApiJsonContext"/> and each use case's own) first in the resolver chains of MVC results and of
    /// <c>WriteAsJsonAsync</c>; anything else (problem details, a later release's bodies) falls back to reflection.
    /// </summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services)
    {
        var contexts = SliceDiscovery.ConcreteTypes<JsonSerializerContext>()
            .Select(type => (IJsonTypeInfoResolver)Activator.CreateInstance(type)!)
            .ToArray();
        services.ConfigureHttpJsonOptions(options => Prepend(options.SerializerOptions.TypeInfoResolverChain, contexts));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => Prepend(options.JsonSerializerOptions.TypeInfoResolverChain, contexts));
        return services;
    }

    private static void Prepend(IList<IJsonTypeInfoResolver> chain, IJsonTypeInfoResolver[] contexts)
    {
        for (var i = 0; i < contexts.Length; i++)
        {
            chain.Insert(i, contexts[i]);
        }
    }
}
