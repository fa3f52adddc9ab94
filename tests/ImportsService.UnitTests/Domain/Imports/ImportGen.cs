using CsCheck;
using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Domain.Imports;

/// <summary>CsCheck generators for listings and cursors, over the whole range each value may take.</summary>
internal static class ImportGen
{
    public static readonly Gen<UtcTimestamp> Timestamp =
        Gen.Long[UtcTimestamp.MinValue.UnixMicroseconds, UtcTimestamp.MaxValue.UnixMicroseconds].Select(UtcTimestamp.FromUnixMicroseconds);

    public static readonly Gen<ImportStatusSet> Statuses = Gen.Int[1, (1 << 10) - 1].Select(ImportStatusSet.FromMask);

    public static readonly Gen<TimeRange> Range = Gen.Select(Bound(lower: true), Bound(lower: false), (l, u) => new TimeRange(l, u));

    public static readonly Gen<ImportFilter> Filter =
        Gen.Select(Statuses.Nullable(), Range, Range, (statuses, created, updated) => new ImportFilter(statuses, created, updated));

    public static readonly Gen<ImportSort> Sort =
        Gen.Select(Gen.Enum<ImportSortKey>(), Gen.Enum<SortDirection>(), (key, direction) => new ImportSort(key, direction));

    public static readonly Gen<ImportListing> Listing = Gen.Select(Filter, Sort, (filter, sort) => new ImportListing(filter, sort));

    public static readonly Gen<ImportCursor> Cursor =
        Listing.SelectMany(listing => Gen.Select(
            Gen.Long,
            Gen.Int[ListingLimits.MinPerPage, ListingLimits.MaxPerPage],
            PositionFor(listing.Sort),
            (accountId, perPage, after) => new ImportCursor(accountId, listing, perPage, after)));

    /// <summary>A position as <see cref="ImportListing.PositionAfter"/> makes them: a timestamp exactly when the sort key is one.</summary>
    public static Gen<KeysetPosition?> PositionFor(ImportSort sort) =>
        Gen.Select(Timestamp, Gen.Long[0, long.MaxValue], (timestamp, id) => new KeysetPosition(sort.Key == ImportSortKey.Id ? null : timestamp, id))
            .Nullable();

    private static Gen<TimestampBound?> Bound(bool lower) =>
        Gen.Select(Gen.Bool, Timestamp, (inclusive, value) => new TimestampBound(
                (lower, inclusive) switch
                {
                    (true, true) => BoundOperator.GreaterThanOrEqual,
                    (true, false) => BoundOperator.GreaterThan,
                    (false, true) => BoundOperator.LessThanOrEqual,
                    _ => BoundOperator.LessThan,
                },
                value))
            .Nullable();
}
