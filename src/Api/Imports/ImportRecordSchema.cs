using System.Text.Json.Nodes;
using ImportsService.Api.OpenApi;
using ImportsService.Application.Imports;
using Microsoft.OpenApi;

namespace ImportsService.Api.Imports;

/// <summary>The schema of <see cref="ImportRecord"/>: the status names, the id's range, digits for the size, RFC 3339 for timestamps.</summary>
internal sealed class ImportRecordSchema : ISchemaDescription
{
    public Type Type => typeof(ImportRecord);

    public void Describe(OpenApiSchema schema, SchemaProperties properties)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(properties);
        schema.Description = "One import. Every member is always present; absent values are null.";
        properties.Edit("id", s => { s.Format = "int64"; s.Minimum = "1"; s.Description = "The import's id: GET /api/v1/imports/{id} returns this record."; });
        properties.Edit("status", s => { s.Enum = [.. ImportStatusText.All.Select(n => (JsonNode)JsonValue.Create(n))]; s.Description = "The import's status."; });
        properties.Edit("file_size", s => { s.Pattern = "^[0-9]+$"; s.Description = "The file's size in bytes, as a string of digits."; });
        foreach (var timestamp in new[] { "created_at", "updated_at", "completed_at" })
        {
            properties.Edit(timestamp, s => { s.Format = "date-time"; s.Description = "RFC 3339, UTC, to the microsecond."; });
        }
    }
}
