using System.Globalization;
using System.Text.Json.Serialization;
using ImportsService.Application.Imports;
using ImportsService.Domain.Imports;

namespace ImportsService.Api.Imports;

/// <summary>
/// One import on the wire, as a <c>records</c> item of List Imports and as the body of Get Import:
/// <c>file_size</c> is a string of bytes, timestamps RFC 3339 UTC, nullable members written as <c>null</c>.
/// </summary>
public sealed record ImportResponse(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("completed_at")] string? CompletedAt,
    [property: JsonPropertyName("file_name")] string FileName,
    [property: JsonPropertyName("file_size")] string FileSize,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt)
{
    /// <summary>The one mapping from the read model to the wire, written out field by field.</summary>
    public static ImportResponse From(Import record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ImportResponse(
            record.Id,
            record.CompletedAt?.ToString(),
            record.FileName,
            record.FileSize.ToString(CultureInfo.InvariantCulture),
            record.Note,
            record.Type,
            record.Status.ToText(),
            record.CreatedAt.ToString(),
            record.UpdatedAt.ToString());
    }
}
