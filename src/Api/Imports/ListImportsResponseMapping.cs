using System.Globalization;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.Api.Imports;

/// <summary>From the use case's result to the wire shape, written out field by field.</summary>
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
            result.Records.Select(ToResponse).ToArray());
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
            entries.Add(Entry("status", Entry("include", statuses.ToString())));
        }

        foreach (var field in new[] { ImportTimestampField.CreatedAt, ImportTimestampField.UpdatedAt })
        {
            var range = filter.RangeOf(field);
            foreach (var bound in new[] { range.Lower, range.Upper })
            {
                if (bound is { } b)
                {
                    entries.Add(Entry(field.ToWireName(), Entry(b.Operator.ToWireName(), b.Value.ToString())));
                }
            }
        }

        return entries;
    }

    /// <summary>The sort key, then id as the tiebreaker in the same direction (id alone when sorting by id).</summary>
    private static IReadOnlyList<IReadOnlyDictionary<string, string>> SortedBy(ImportSort sort)
    {
        var direction = sort.Direction.ToWireName();
        var idEntry = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = direction };
        return sort.Key == ImportSortKey.Id
            ? [idEntry]
            : [new Dictionary<string, string>(StringComparer.Ordinal) { [sort.Key.ToWireName()] = direction }, idEntry];
    }

    private static ImportResponse ToResponse(ImportRecord record) => new(
        record.Id,
        record.CompletedAt?.ToString(),
        record.FileName,
        record.FileSize.ToString(CultureInfo.InvariantCulture),
        record.Note,
        record.Type,
        record.Status.ToWireName(),
        record.CreatedAt.ToString(),
        record.UpdatedAt.ToString());

    private static Dictionary<string, object> Entry(string key, object value) => new(StringComparer.Ordinal) { [key] = value };
}
