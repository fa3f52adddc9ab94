using Microsoft.OpenApi;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// What the generated schema of a response body cannot know from its C# type (allowed values, formats, what a member
/// means). Every member of a described schema is marked required: the service always writes each one, null or not.
/// </summary>
public interface ISchemaDescription
{
    /// <summary>The body type whose schema this describes.</summary>
    Type Type { get; }

    void Describe(OpenApiSchema schema, SchemaProperties properties);
}

/// <summary>The generated properties of a schema, edited by name; a name the generator did not produce is a mistake, not a skip.</summary>
public sealed class SchemaProperties(IDictionary<string, IOpenApiSchema> properties)
{
    public void Edit(string name, Action<OpenApiSchema> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (!properties.TryGetValue(name, out var property) || property is not OpenApiSchema schema)
        {
            throw new InvalidOperationException($"The generated schema has no editable property {name}.");
        }

        edit(schema);
    }
}
