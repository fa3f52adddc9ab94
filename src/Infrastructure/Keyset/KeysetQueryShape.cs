using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.Keyset;

/// <summary>
/// Everything that changes the text of a keyset statement (never a value), and what the statements of that shape read,
/// decided here for every dialect (ADR 0007). Each dialect caches its texts by shape, so the number of distinct texts is
/// bounded: 3 sort keys × 2 directions × 2 × 3⁴ bound operators × 2 = 1,944.
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
    /// <summary>
    /// A probed range holding fewer rows than this is read through its column's index and sorted instead of seeking on the
    /// sort key: sized so that reading and sorting a full range costs about what an unfiltered page costs (docs/performance.md).
    /// </summary>
    public const int ProbeCap = 2_000;

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

    /// <summary>
    /// The access path for the counts a probe returned (in <see cref="ProbedColumns"/> order): the smallest range under
    /// the cap, the first on a tie; null (the seek) when every range holds at least the cap.
    /// </summary>
    public static int? ChooseRange(IReadOnlyList<long> probeCounts)
    {
        ArgumentNullException.ThrowIfNull(probeCounts);
        int? best = null;
        for (var i = 0; i < probeCounts.Count; i++)
        {
            if (probeCounts[i] < ProbeCap && (best is not { } b || probeCounts[i] < probeCounts[b]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The sort key's column: <c>id</c>, <c>created_at</c> or <c>updated_at</c>.</summary>
    public string SortColumn() => ImportColumns.SortColumn(SortKey);

    /// <summary><c>ASC</c> or <c>DESC</c>.</summary>
    public string Order() => Direction == SortDirection.Descending ? "DESC" : "ASC";

    /// <summary>Past the position: smaller keys when descending, larger when ascending.</summary>
    public string After() => Direction == SortDirection.Descending ? "<" : ">";

    /// <summary><c>created_at DESC, id DESC</c>: the sort in column names.</summary>
    public string OrderBy() => SortKey == ImportSortKey.Id ? $"id {Order()}" : $"{SortColumn()} {Order()}, id {Order()}";

    /// <summary>The status-led covering index <c>(account_id, status, key, id)</c> of the sort key, named alike in every dialect.</summary>
    public string StatusIndex() => SortKey switch
    {
        ImportSortKey.Id => "ix_imports_account_status_id",
        ImportSortKey.CreatedAt => "ix_imports_account_status_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_status_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(SortKey), SortKey, null),
    };

    /// <summary>Every bound of the shape, as the request wrote it, in <see cref="KeysetBound"/>'s fixed order.</summary>
    public IReadOnlyList<KeysetBound> Bounds() => KeysetBound.Of(this);

    /// <summary>Every bound on a column other than the sort key: checked on each row the seek reads.</summary>
    public IEnumerable<KeysetBound> Residual()
    {
        var sortTimestamp = SortTimestamp;
        return Bounds().Where(bound => bound.Column != sortTimestamp);
    }

    /// <summary>
    /// The sort key's own bound on the side the position limits, if any. A position is the last row of the previous page
    /// of the same signed listing, so it lies inside that bound: the seek starts at the position, and the bound is still
    /// checked, written so that it cannot become where the seek starts.
    /// </summary>
    public KeysetBound? ImpliedByPosition()
    {
        var shape = this;
        return Bounds().SingleOrDefault(bound => bound.Column == shape.SortTimestamp && shape.PositionLimits(bound));
    }

    /// <summary>
    /// One side of the seek's range on the sort key: the key's own bound, and one derived from the other timestamp through
    /// the schema's <c>created_at &lt;= updated_at</c> (a lower bound on created_at is one on updated_at, an upper bound on
    /// updated_at is one on created_at, with the same operator). A side the position limits has neither.
    /// </summary>
    public (KeysetBound? Own, KeysetBound? Derived) SeekSide(bool lower)
    {
        var shape = this;
        var side = Bounds().Where(bound => bound.IsLower == lower && !shape.PositionLimits(bound)).ToArray();
        return (side.SingleOrDefault(bound => bound.Column == shape.SortTimestamp), side.SingleOrDefault(shape.DerivesSortKeyBound));
    }

    /// <summary>
    /// The seek's bounds on the sort key, lower side then upper. A single bound is written as it is (a derived one keeps its
    /// operator: created_at &gt; X ⇒ updated_at &gt; X). The own and a derived bound together are one inclusive bound at the
    /// later (earlier) of the two, so the seek starts at the tighter whichever it is, plus <c>&lt;&gt;</c> for a strict own
    /// bound (the derived one's strictness is checked by its residual).
    /// </summary>
    public IEnumerable<string> SeekBounds(Func<string, string, string> greatest, Func<string, string, string> least)
    {
        ArgumentNullException.ThrowIfNull(greatest);
        ArgumentNullException.ThrowIfNull(least);
        var column = SortColumn();
        foreach (var lower in new[] { true, false })
        {
            var (own, derived) = SeekSide(lower);
            if (own is not null && derived is not null)
            {
                yield return lower
                    ? $"{column} >= {greatest(own.Placeholder, derived.Placeholder)}"
                    : $"{column} <= {least(own.Placeholder, derived.Placeholder)}";
                if (!own.Operator.IsInclusive())
                {
                    yield return $"{column} <> {own.Placeholder}";
                }
            }
            else if ((own ?? derived) is { } only)
            {
                yield return $"{column} {only.Comparison} {only.Placeholder}";
            }
        }
    }

    /// <summary>
    /// The filter columns whose range is probed before choosing the access path: those with a bound that implies nothing
    /// about the sort key (any timestamp bound when sorting by id, a lower bound on updated_at when sorting by created_at,
    /// an upper bound on created_at when sorting by updated_at).
    /// </summary>
    public IReadOnlyList<string> ProbedColumns() => SortKey switch
    {
        ImportSortKey.Id => new[]
        {
            CreatedLower is not null || CreatedUpper is not null ? "created_at" : null,
            UpdatedLower is not null || UpdatedUpper is not null ? "updated_at" : null,
        }.OfType<string>().ToArray(),
        ImportSortKey.CreatedAt => UpdatedLower is not null ? ["updated_at"] : [],
        _ => CreatedUpper is not null ? ["created_at"] : [],
    };

    private string? SortTimestamp => SortKey == ImportSortKey.Id ? null : SortColumn();

    private bool PositionLimits(KeysetBound bound) => HasPosition && bound.IsLower == (Direction == SortDirection.Ascending);

    private bool DerivesSortKeyBound(KeysetBound bound) =>
        (SortTimestamp, bound.Column, bound.IsLower) is ("updated_at", "created_at", true) or ("created_at", "updated_at", false);
}
