using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.IntegrationTests.Support;

/// <summary>Writes a typed listing back as the raw parameters a client would send.</summary>
internal static class ListingParameters
{
    public static ListImportsQuery ToQuery(long accountId, ImportListing listing, int perPage)
    {
        var filters = new List<TimestampFilterParameter>();
        foreach (var field in new[] { ImportTimestampField.CreatedAt, ImportTimestampField.UpdatedAt })
        {
            var range = listing.Filter.RangeOf(field);
            foreach (var bound in new[] { range.Lower, range.Upper })
            {
                if (bound is { } b)
                {
                    filters.Add(new TimestampFilterParameter($"filter[{field.ToWireName()}][{b.Operator.ToWireName()}]", field, b.Operator, b.Value.ToString()));
                }
            }
        }

        var sort = listing.Sort;
        return new ListImportsQuery(accountId)
        {
            PerPage = perPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatusInclude = listing.Filter.Statuses?.ToString(),
            TimestampFilters = filters,
            Sorts = [new SortParameter($"sort[{sort.Key.ToWireName()}]", sort.Key, sort.Direction.ToWireName())],
        };
    }
}
