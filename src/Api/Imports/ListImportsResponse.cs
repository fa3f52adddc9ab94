using System.Text.Json.Serialization;

namespace ImportsService.Api.Imports;

/// <summary>
/// The 200 body of <c>GET /api/v1/imports</c>, key for key as the contract spells it. Nullable members
/// are written as <c>null</c>, never left out.
/// </summary>
public sealed record ListImportsResponse(
    [property: JsonPropertyName("start_cursor")] string StartCursor,
    [property: JsonPropertyName("next_cursor")] string? NextCursor,
    [property: JsonPropertyName("per_page")] int PerPage,
    [property: JsonPropertyName("estimated_remaining_count")] int EstimatedRemainingCount,
    [property: JsonPropertyName("filtered_by")] IReadOnlyList<IReadOnlyDictionary<string, object>> FilteredBy,
    [property: JsonPropertyName("sorted_by")] IReadOnlyList<IReadOnlyDictionary<string, string>> SortedBy,
    [property: JsonPropertyName("records")] IReadOnlyList<ImportResponse> Records);
