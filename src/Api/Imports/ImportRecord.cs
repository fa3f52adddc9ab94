using System.Globalization;
using System.Text.Json.Serialization;
using ImportsService.Application.Imports;
using ImportsService.Domain.Imports;

namespace ImportsService.Api.Imports;

/// <summary>
/// One import on the wire, as a <c>records</c> item of List Imports and as the body of Get Import:
/// <c>file_size</c> is a string of bytes, timestamps RFC 3339 UTC, nullable members written as <c>null</c>.
/// </summary>
public sealed record ImportRecord(
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
    public static ImportRecord From(Import import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return new ImportRecord(
            import.Id,
            import.CompletedAt?.ToString(),
            import.FileName,
            import.FileSize.ToString(CultureInfo.InvariantCulture),
            import.Note,
            import.Type,
            import.Status.ToText(),
            import.CreatedAt.ToString(),
            import.UpdatedAt.ToString());
    }
}
