using ImportsService.Application.Imports;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using static ImportsService.Application.Imports.ListImports.ListImportsParameters;

namespace ImportsService.Api.Imports;

/// <summary>From the use case's result to the wire shape, written out field by field; every name from the parameter table.</summary>
public static class ListImportsResponseMapping
{
    public static ListImportsResponse ToResponse(this ListImportsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ListImportsResponse(
            result.StartCursor,
            result.NextCursor,
            result.PerPage,
            result.EstimatedRemainingCount,
            FilteredBy(result.Listing.Filter),
            SortedBy(result.Listing.Sort),
            result.Records.Select(ImportResponse.From).ToArray());
    }

    /// <summary>
    /// One single-key entry per filter actually applied, in a fixed order: status, then each bound of
    /// created_at (lower, upper), then each bound of updated_at.
    /// </summary>
    private static List<IReadOnlyDictionary<string, object>> FilteredBy(ImportFilter filter)
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
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> SortedBy(ImportSort sort)
    {
        var direction = Name(sort.Direction);
        var idEntry = new Dictionary<string, string>(StringComparer.Ordinal) { [Name(ImportSortKey.Id)] = direction };
        return sort.Key == ImportSortKey.Id
            ? [idEntry]
            : [new Dictionary<string, string>(StringComparer.Ordinal) { [Name(sort.Key)] = direction }, idEntry];
    }

    private static Dictionary<string, object> Entry(string key, object value) => new(StringComparer.Ordinal) { [key] = value };
}
