using System.Globalization;
using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// Reads the typed listing out of a query's raw values. The validator uses the Try forms to find
/// problems; the handler uses the throwing forms on a query the validator has passed.
/// </summary>
internal static class ListImportsQueryInterpretation
{
    public static bool TryParsePerPage(string? text, out int perPage) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out perPage)
        && perPage is >= ListingLimits.MinPerPage and <= ListingLimits.MaxPerPage;

    public static int? PerPage(ListImportsQuery query) =>
        query.PerPage is null ? null
        : TryParsePerPage(query.PerPage, out var perPage) ? perPage
        : throw new InvalidOperationException("per_page was not validated.");

    public static ImportListing ToListing(ListImportsQuery query) =>
        TryToListing(query, out var listing) ? listing : throw new InvalidOperationException("The listing parameters were not validated.");

    public static bool TryToListing(ListImportsQuery query, out ImportListing listing)
    {
        listing = ImportListing.Default;
        StatusSet? statuses = null;
        if (query.StatusInclude is not null)
        {
            if (!StatusSet.TryParse(query.StatusInclude, out var set, out _))
            {
                return false;
            }

            statuses = set;
        }

        if (!TryRange(query, ImportTimestampField.CreatedAt, out var created)
            || !TryRange(query, ImportTimestampField.UpdatedAt, out var updated)
            || !TrySort(query.Sorts, out var sort))
        {
            return false;
        }

        listing = new ImportListing(new ImportFilter(statuses, created, updated), sort);
        return true;
    }

    public static bool TryRange(ListImportsQuery query, ImportTimestampField field, out TimeRange range)
    {
        range = TimeRange.Unbounded;
        TimestampBound? lower = null, upper = null;
        foreach (var filter in query.TimestampFilters.Where(f => f.Field == field))
        {
            if (!UtcTimestamp.TryParse(filter.Value, out var value))
            {
                return false;
            }

            var bound = new TimestampBound(filter.Operator, value);
            if (filter.Operator.IsLower())
            {
                if (lower is not null)
                {
                    return false;
                }

                lower = bound;
            }
            else
            {
                if (upper is not null)
                {
                    return false;
                }

                upper = bound;
            }
        }

        range = new TimeRange(lower, upper);
        return true;
    }

    public static bool TrySort(IReadOnlyList<SortParameter> sorts, out ImportSort sort)
    {
        sort = ImportSort.Default;
        SortDirection? idDirection = null;
        ImportSort? timestampSort = null;
        foreach (var parameter in sorts)
        {
            if (!ListingWireNames.TryParseDirection(parameter.Direction, out var direction))
            {
                return false;
            }

            if (parameter.Key == ImportSortKey.Id)
            {
                idDirection = direction;
            }
            else if (timestampSort is null)
            {
                timestampSort = new ImportSort(parameter.Key, direction);
            }
            else
            {
                return false;
            }
        }

        if (timestampSort is not null && idDirection is { } id && id != timestampSort.Direction)
        {
            return false;
        }

        sort = timestampSort ?? new ImportSort(ImportSortKey.Id, idDirection ?? SortDirection.Descending);
        return true;
    }
}
