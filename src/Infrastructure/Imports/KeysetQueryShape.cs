using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// Everything that changes the text of a keyset statement (never a value): which sort, which filters
/// with which operators, and whether the page starts after a position. Each dialect writes one statement
/// per shape and caches it, so the number of distinct SQL texts is bounded by the number of shapes:
/// 3 sort keys × 2 directions × 2 × 3⁴ bound operators × 2 = 1,944 (the tests enumerate them all).
/// </summary>
internal readonly record struct KeysetQueryShape(
    ImportSortKey SortKey,
    SortDirection Direction,
    bool FiltersStatus,
    BoundOperator? CreatedLower,
    BoundOperator? CreatedUpper,
    BoundOperator? UpdatedLower,
    BoundOperator? UpdatedUpper,
    bool HasPosition)
{
    public static KeysetQueryShape Of(KeysetPageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Listing.Filter;
        return new KeysetQueryShape(
            request.Listing.Sort.Key,
            request.Listing.Sort.Direction,
            filter.Statuses is not null,
            filter.CreatedAt.Lower?.Operator,
            filter.CreatedAt.Upper?.Operator,
            filter.UpdatedAt.Lower?.Operator,
            filter.UpdatedAt.Upper?.Operator,
            request.After is not null);
    }
}
