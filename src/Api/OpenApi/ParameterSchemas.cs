using System.Globalization;
using System.Text.Json.Nodes;
using ImportsService.Application.Common.Parameters;
using Microsoft.OpenApi;
using AppParameterLocation = ImportsService.Application.Common.Parameters.ParameterLocation;
using OpenApiParameterLocation = Microsoft.OpenApi.ParameterLocation;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// One OpenAPI parameter per row of a use case's parameter table (<see cref="ParameterTable"/>), under its
/// literal name: the table is the one place parameters are described, and the document is generated from it.
/// </summary>
public static class ParameterSchemas
{
    /// <summary>The extension that names the parameter a synonym stands for.</summary>
    public const string SynonymExtension = "x-synonym-of";

    public static OpenApiParameter From(ParameterDescription parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var description = parameter.Kind == ParameterValueKind.Timestamp
            ? $"{parameter.Description} The value {TimestampText.Allowed}"
            : parameter.Description;
        var result = new OpenApiParameter
        {
            Name = parameter.Name,
            In = parameter.Location == AppParameterLocation.Path ? OpenApiParameterLocation.Path : OpenApiParameterLocation.Query,
            Required = parameter.Location == AppParameterLocation.Path,
            Description = description,
            Schema = Schema(parameter),
        };
        if (parameter.Kind == ParameterValueKind.ListOf)
        {
            // A comma-separated list: form style, not exploded (filter[status][include]=failed,complete).
            result.Style = ParameterStyle.Form;
            result.Explode = false;
        }

        if (parameter.SynonymOf is { } synonymOf)
        {
            result.Description = $"Synonym of `{synonymOf}`. {description}";
            result.Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal)
            {
                [SynonymExtension] = new JsonNodeExtension(JsonValue.Create(synonymOf)),
            };
        }

        return result;
    }

    private static OpenApiSchema Schema(ParameterDescription parameter) => parameter.Kind switch
    {
        ParameterValueKind.WholeNumber => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = parameter.Maximum is > int.MaxValue ? "int64" : "int32",
            Minimum = Number(parameter.Minimum),
            Maximum = Number(parameter.Maximum),
            Default = parameter.Default is { } value ? JsonValue.Create(value) : null,
        },
        ParameterValueKind.OneOf => Enum(parameter.AllowedValues),
        ParameterValueKind.ListOf => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = Enum(parameter.AllowedValues),
            MinItems = 1,
            UniqueItems = true,
        },
        ParameterValueKind.Timestamp => new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Examples = [JsonValue.Create("2024-11-21"), JsonValue.Create("2024-11-21T10:15:30.123456Z"), JsonValue.Create("2024-11-21T10:15:30+02:00")],
        },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Enum(IReadOnlyList<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
