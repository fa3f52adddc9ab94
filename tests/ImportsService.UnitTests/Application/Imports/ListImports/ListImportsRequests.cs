using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Application.Imports.ListImports;

/// <summary>Builds queries as the API will: parameter names and values exactly as a client sends them.</summary>
internal static class ListImportsRequests
{
    public static TimestampFilterParameter Bound(ImportTimestampField field, BoundOperator op, string value) =>
        new($"filter[{field.ToWireName()}][{op.ToWireName()}]", field, op, value);

    public static SortParameter Sort(ImportSortKey key, string direction) => new($"sort[{key.ToWireName()}]", key, direction);

    /// <summary>The query that names exactly <paramref name="listing"/>'s filters and sort, in their canonical spelling.</summary>
    public static ListImportsQuery For(long accountId, ImportListing listing, int? perPage = null)
    {
        var filter = listing.Filter;
        var bounds = new (ImportTimestampField Field, TimestampBound? Bound)[]
        {
            (ImportTimestampField.CreatedAt, filter.CreatedAt.Lower), (ImportTimestampField.CreatedAt, filter.CreatedAt.Upper),
            (ImportTimestampField.UpdatedAt, filter.UpdatedAt.Lower), (ImportTimestampField.UpdatedAt, filter.UpdatedAt.Upper),
        };
        return new ListImportsQuery(accountId)
        {
            PerPage = perPage?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatusInclude = filter.Statuses?.ToString(),
            TimestampFilters = bounds
                .Where(b => b.Bound is not null)
                .Select(b => Bound(b.Field, b.Bound!.Value.Operator, b.Bound.Value.Value.ToString()))
                .ToArray(),
            Sorts = [Sort(listing.Sort.Key, listing.Sort.Direction.ToWireName())],
        };
    }
}
