using System.Text.Json.Nodes;
using ImportsService.Api.Imports;
using ImportsService.Application.Imports;
using ImportsService.Application.Imports.ListImports;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// What the generated schemas of the 200 bodies cannot know from the C# types: the status names, that every
/// member is always present, that timestamps are RFC 3339 date-times, that <c>file_size</c> is digits, and the
/// shapes of <c>filtered_by</c> and <c>sorted_by</c> entries, all from the parameter table.
/// </summary>
internal sealed class ImportsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is not null || schema.Properties is not { } properties)
        {
            return Task.CompletedTask;
        }

        if (type == typeof(ImportResponse) || type == typeof(ListImportsResponse))
        {
            // The web serializer options read numbers from strings too, so the generator allows both; the service
            // always writes numbers.
            foreach (var number in properties.Values.OfType<OpenApiSchema>().Where(p => p.Type is { } t && t.HasFlag(JsonSchemaType.Integer)))
            {
                number.Type = JsonSchemaType.Integer | (number.Type!.Value & JsonSchemaType.Null);
                number.Pattern = null;
            }
        }

        if (type == typeof(ImportResponse))
        {
            schema.Description = "One import. Every member is always present; absent values are null.";
            Edit(properties, "id", s => { s.Format = "int64"; s.Minimum = "1"; s.Description = "The import's id: GET /api/v1/imports/{id} returns this record."; });
            Edit(properties, "status", s => { s.Enum = [.. ImportStatusText.All.Select(n => (JsonNode)JsonValue.Create(n))]; s.Description = "The import's status."; });
            Edit(properties, "file_size", s => { s.Pattern = "^[0-9]+$"; s.Description = "The file's size in bytes, as a string of digits."; });
            foreach (var timestamp in new[] { "created_at", "updated_at", "completed_at" })
            {
                Edit(properties, timestamp, s => { s.Format = "date-time"; s.Description = "RFC 3339, UTC, to the microsecond."; });
            }
        }
        else if (type == typeof(ListImportsResponse))
        {
            schema.Description = "One page of the caller's imports. Every member is always present; absent values are null.";
            Edit(properties, "start_cursor", s => s.Description = $"Returns this same page again (pass it as {ListImportsParameters.StartCursor}); never empty.");
            Edit(properties, "next_cursor", s => s.Description = $"The following page (pass it as {ListImportsParameters.StartCursor} or {ListImportsParameters.NextCursor}); null on the last page.");
            Edit(properties, "per_page", s => s.Description = "The page size applied.");
            Edit(properties, "estimated_remaining_count", s => { s.Maximum = "500"; s.Description = "Matching records from this page's first to the end, this page included, counted up to 500."; });
            Edit(properties, "filtered_by", s =>
            {
                s.Description = "The filters applied, normalised (timestamps in UTC), one single-key object each: " +
                                $"{{\"{ListImportsParameters.StatusFilter}\": {{\"include\": \"failed,complete\"}}}}, " +
                                $"{{\"{ListImportsParameters.Name(ListImportsParameters.TimestampFields[0])}\": {{\"gte\": \"2024-01-01T00:00:00Z\"}}}}.";
                if (s.Items is OpenApiSchema item)
                {
                    item.MinProperties = 1;
                    item.MaxProperties = 1;
                }
            });
            Edit(properties, "sorted_by", s =>
            {
                s.Description = "The sort applied, one single-key object per key, ending with the id tiebreaker: {\"created_at\": \"desc\"}, {\"id\": \"desc\"}.";
                if (s.Items is OpenApiSchema item)
                {
                    item.MinProperties = 1;
                    item.MaxProperties = 1;
                    if (item.AdditionalProperties is OpenApiSchema direction)
                    {
                        direction.Enum = [.. ListImportsParameters.Directions.Select(d => (JsonNode)JsonValue.Create(d))];
                    }
                }
            });
        }
        else
        {
            return Task.CompletedTask;
        }

        schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
        return Task.CompletedTask;
    }

    private static void Edit(IDictionary<string, IOpenApiSchema> properties, string name, Action<OpenApiSchema> edit)
    {
        if (!properties.TryGetValue(name, out var property) || property is not OpenApiSchema schema)
        {
            throw new InvalidOperationException($"The generated schema has no editable property {name}.");
        }

        edit(schema);
    }
}
