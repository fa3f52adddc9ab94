using ImportsService.Domain.Imports;

namespace ImportsService.Tests.Shared;

/// <summary>What a listing must return, in its order, computed in memory from the rows a test inserted.</summary>
internal static class ListingOracle
{
    public static IReadOnlyList<Import> Apply(IEnumerable<Import> rows, ImportListing listing)
    {
        var admitted = rows.Where(listing.Filter.Admits);
        Func<Import, long> key = listing.Sort.Key switch
        {
            ImportSortKey.CreatedAt => r => r.CreatedAt.UnixMicroseconds,
            ImportSortKey.UpdatedAt => r => r.UpdatedAt.UnixMicroseconds,
            _ => r => r.Id,
        };

        return listing.Sort.Direction == SortDirection.Ascending
            ? admitted.OrderBy(key).ThenBy(r => r.Id).ToArray()
            : admitted.OrderByDescending(key).ThenByDescending(r => r.Id).ToArray();
    }
}
