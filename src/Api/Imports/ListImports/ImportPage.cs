using System.Text.Json.Serialization;
using ImportsService.Application.Imports;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using static ImportsService.Application.Imports.ListImports.ListImportsParameters;

namespace ImportsService.Api.Imports.ListImports;

/// <summary>
/// The 200 body of <c>GET /api/v1/imports</c> since the first release, key for key as the contract spells it. Nullable
/// members are written as <c>null</c>, never left out.
/// </summary>
public sealed record ImportPage(
    [property: JsonPropertyName("start_cursor")] string StartCursor,
    [property: JsonPropertyName("next_cursor")] string? NextCursor,
    [property: JsonPropertyName("per_page")] int PerPage,
    [property: JsonPropertyName("estimated_remaining_count")] int EstimatedRemainingCount,
    [property: JsonPropertyName("filtered_by")] IReadOnlyList<IReadOnlyDictionary<string, object>> FilteredBy,
    [property: JsonPropertyName("sorted_by")] IReadOnlyList<IReadOnlyDictionary<string, string>> SortedBy,
    [property: JsonPropertyName("records")] IReadOnlyList<ImportRecord> Records)
{
    public static ImportPage From(ListImportsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ImportPage(
            result.StartCursor,
            result.NextCursor,
            result.PerPage,
            result.EstimatedRemainingCount,
            FilteredByOf(result.Listing.Filter),
            SortedByOf(result.Listing.Sort),
            result.Records.Select(ImportRecord.From).ToArray());
    }

    /// <summary>
    /// One single-key entry per filter applied, in a fixed order: status, then each bound of created_at (lower,
    /// upper), then each bound of updated_at.
    /// </summary>
    private static List<IReadOnlyDictionary<string, object>> FilteredByOf(ImportFilter filter)
    {
        var entries = new List<IReadOnlyDictionary<string, object>>();
        if (filter.Statuses is { } statuses)
        {
            entries.Add(Entry(StatusFilter, Entry("include", statuses.ToText())));
        }

        foreach (var field in TimestampFields)
        {
            var range = filter.RangeOf(field);
            foreach (var bound in new[] { range.Lower, range.Upper })
            {
                if (bound is { } b)
                {
                    entries.Add(Entry(Name(field), Entry(Name(b.Operator), b.Value.ToString())));
                }
            }
        }

        return entries;
    }

    /// <summary>The sort key, then id as the tiebreaker in the same direction (id alone when sorting by id).</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> SortedByOf(ImportSort sort)
    {
        var direction = Name(sort.Direction);
        var idEntry = new Dictionary<string, string>(StringComparer.Ordinal) { [Name(ImportSortKey.Id)] = direction };
        return sort.Key == ImportSortKey.Id
            ? [idEntry]
            : [new Dictionary<string, string>(StringComparer.Ordinal) { [Name(sort.Key)] = direction }, idEntry];
    }

    private static Dictionary<string, object> Entry(string key, object value) => new(StringComparer.Ordinal) { [key] = value };
}
