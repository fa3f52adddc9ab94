using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// Everything that changes the text of a keyset statement (never a value): which sort, which filters
/// with which operators, and whether the page starts after a position. Each dialect writes one statement
/// per shape and caches it, so the number of distinct SQL texts is bounded by <see cref="All"/>.
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

    /// <summary>Every shape a request can produce: 3 sort keys × 2 directions × 2 × 3⁴ bound operators × 2 = 1,944.</summary>
    public static IEnumerable<KeysetQueryShape> All()
    {
        BoundOperator?[] lowers = [null, BoundOperator.GreaterThan, BoundOperator.GreaterThanOrEqual];
        BoundOperator?[] uppers = [null, BoundOperator.LessThan, BoundOperator.LessThanOrEqual];
        foreach (var key in Enum.GetValues<ImportSortKey>())
        {
            foreach (var direction in Enum.GetValues<SortDirection>())
            {
                foreach (var status in new[] { false, true })
                {
                    foreach (var createdLower in lowers)
                    {
                        foreach (var createdUpper in uppers)
                        {
                            foreach (var updatedLower in lowers)
                            {
                                foreach (var updatedUpper in uppers)
                                {
                                    foreach (var position in new[] { false, true })
                                    {
                                        yield return new KeysetQueryShape(key, direction, status, createdLower, createdUpper, updatedLower, updatedUpper, position);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
