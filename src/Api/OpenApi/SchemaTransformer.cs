using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ImportsService.Api.OpenApi;

/// <summary>Applies each body type's <see cref="ISchemaDescription"/> to its generated schema.</summary>
internal sealed class SchemaTransformer(IEnumerable<ISchemaDescription> descriptions) : IOpenApiSchemaTransformer
{
    private readonly Dictionary<Type, ISchemaDescription> byType = descriptions.ToDictionary(d => d.Type);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is not { } properties
            || !byType.TryGetValue(context.JsonTypeInfo.Type, out var description))
        {
            return Task.CompletedTask;
        }

        // The web serializer options read numbers from strings too, so the generator allows both; the service always writes numbers.
        foreach (var number in properties.Values.OfType<OpenApiSchema>().Where(p => p.Type is { } t && t.HasFlag(JsonSchemaType.Integer)))
        {
            number.Type = JsonSchemaType.Integer | (number.Type!.Value & JsonSchemaType.Null);
            number.Pattern = null;
        }

        description.Describe(schema, new SchemaProperties(properties));
        schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
        return Task.CompletedTask;
    }
}
