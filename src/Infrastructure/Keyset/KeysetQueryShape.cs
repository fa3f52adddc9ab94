using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.Keyset;

/// <summary>
/// Everything that changes the text of a keyset statement (never a value), and what its statements read, decided once
/// for every dialect (ADR 0007). Dialects cache texts by shape, so there are at most 1,944 of them.
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
    /// A probed range with fewer rows is read through its column's index and sorted instead of seeking on the sort key:
    /// reading and sorting that many costs about what an unfiltered page costs (docs/performance.md).
    /// </summary>
    public const int ProbeCap = 2_000;

    /// <summary>
    /// The cap for an id seek that walks the id zones (ADR 0012), which costs about what a range under the cap does
    /// wherever the window lies: below a zone's worth of rows the range is read and sorted; above it, counting up to 2,000
    /// would cost more than the walk saves. A timestamp seek the zones bound keeps <see cref="ProbeCap"/>: it also reads
    /// the imports within the update lag of the window's edge, which a range under 2,000 rows costs less than.
    /// </summary>
    public const int ZoneProbeCap = IdZones.InnerSize;

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

    /// <summary>The probe's cap for this shape: lower where its seek walks the id zones.</summary>
    public int ProbeLimit => ReadsIdZones ? ZoneProbeCap : ProbeCap;

    /// <summary>The smallest probed range under the cap (the first on a tie), or null for the seek.</summary>
    public int? ChooseRange(IReadOnlyList<long> probeCounts)
    {
        ArgumentNullException.ThrowIfNull(probeCounts);
        int? best = null;
        for (var i = 0; i < probeCounts.Count; i++)
        {
            if (probeCounts[i] < ProbeLimit && (best is not { } b || probeCounts[i] < probeCounts[b]))
            {
                best = i;
            }
        }

        return best;
    }

    public string SortColumn() => ImportColumns.SortColumn(SortKey);

    public string Order() => Direction == SortDirection.Descending ? "DESC" : "ASC";

    /// <summary>The comparison "past the position".</summary>
    public string After() => Direction == SortDirection.Descending ? "<" : ">";

    public string OrderBy() => SortKey == ImportSortKey.Id ? $"id {Order()}" : $"{SortColumn()} {Order()}, id {Order()}";

    /// <summary>The status-led covering index <c>(account_id, status, key, id)</c>, named alike in every dialect.</summary>
    public string StatusIndex() => StatusIndexFor(SortKey);

    /// <summary>The status-led covering index of a sort key.</summary>
    public static string StatusIndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "ix_imports_account_status_id",
        ImportSortKey.CreatedAt => "ix_imports_account_status_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_status_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public IReadOnlyList<KeysetBound> Bounds() => KeysetBound.Of(this);

    /// <summary>The bounds the seek cannot use, checked on each row it reads.</summary>
    public IEnumerable<KeysetBound> Residual()
    {
        var sortTimestamp = SortTimestamp;
        return Bounds().Where(bound => bound.Column != sortTimestamp);
    }

    /// <summary>
    /// The sort key's own bound on the side the position limits. The position is the last row of the previous page of the
    /// same signed listing, so it lies inside the bound: the seek starts at the position, and the bound is only checked.
    /// </summary>
    public KeysetBound? ImpliedByPosition()
    {
        var shape = this;
        return Bounds().SingleOrDefault(bound => bound.Column == shape.SortTimestamp && shape.PositionLimits(bound));
    }

    /// <summary>
    /// One side of the seek on the sort key: the key's own bound, and one derived from the other timestamp through the
    /// schema's <c>created_at &lt;= updated_at</c> (created_at &gt;= X ⇒ updated_at &gt;= X; updated_at &lt;= Y ⇒ created_at &lt;= Y).
    /// </summary>
    public (KeysetBound? Own, KeysetBound? Derived) SeekSide(bool lower)
    {
        var shape = this;
        var side = Bounds().Where(bound => bound.IsLower == lower && !shape.PositionLimits(bound)).ToArray();
        return (side.SingleOrDefault(bound => bound.Column == shape.SortTimestamp), side.SingleOrDefault(shape.DerivesSortKeyBound));
    }

    /// <summary>
    /// The seek's bounds on the sort key, lower side then upper. Own, derived and the id zones' bound
    /// (<paramref name="zoneBound"/>, on <see cref="ZoneBoundedSide"/>) together become one inclusive bound at the tightest
    /// of them, so the seek starts there whichever it is; <c>&lt;&gt;</c> restores a strict own bound (a derived one's
    /// strictness is checked by its residual). The zones' bound comes last, so a NULL one (no zone meets the window, so no
    /// import does) makes the bound NULL in every dialect.
    /// </summary>
    public IEnumerable<string> SeekBounds(Func<string, string, string> greatest, Func<string, string, string> least, string? zoneBound = null)
    {
        ArgumentNullException.ThrowIfNull(greatest);
        ArgumentNullException.ThrowIfNull(least);
        var column = SortColumn();
        foreach (var lower in new[] { true, false })
        {
            var (own, derived) = SeekSide(lower);
            var zone = ZoneBoundedSide() == lower ? zoneBound : null;
            string[] values = [.. new[] { own?.Placeholder, derived?.Placeholder, zone }.OfType<string>()];
            if (values.Length == 1 && (own ?? derived) is { } only)
            {
                yield return $"{column} {only.Comparison} {only.Placeholder}";
            }
            else if (values.Length > 0)
            {
                yield return $"{column} {(lower ? ">=" : "<=")} {values.Skip(1).Aggregate(values[0], lower ? greatest : least)}";
                if (own is not null && !own.Operator.IsInclusive())
                {
                    yield return $"{column} <> {own.Placeholder}";
                }
            }
        }
    }

    /// <summary>
    /// The side of a timestamp seek the id zones (ADR 0012) bound: the side it starts from (a later page starts at its
    /// position instead), when the other timestamp has a bound on that side and the schema derives none there. Every
    /// import of the window lies in a zone that meets the window, so its sort key lies within the range of those zones':
    /// a created_at window sorted by updated_at desc starts at the newest updated_at of those zones, not of the account.
    /// With a status filter each status arm computes its own bound, over the zones of its status.
    /// </summary>
    public bool? ZoneBoundedSide()
    {
        if (SortKey == ImportSortKey.Id || HasPosition)
        {
            return null;
        }

        var start = Direction == SortDirection.Ascending;
        var column = SortColumn();
        return Bounds().Any(bound => bound.Column != column && bound.IsLower == start) && SeekSide(start).Derived is null ? start : null;
    }

    /// <summary>
    /// The bounds an id seek turns into an id ceiling through the account's creation-order marks (ADR 0010): every upper
    /// bound on a side the position does not limit. An updated_at bound counts as a created_at bound of the same
    /// comparison: the schema's created_at &lt;= updated_at makes updated_at &lt; Y imply created_at &lt; Y.
    /// </summary>
    public IReadOnlyList<KeysetBound> IdCeilingSources()
    {
        var shape = this;
        return SortKey != ImportSortKey.Id ? [] : [.. Bounds().Where(bound => !bound.IsLower && !shape.PositionLimits(bound))];
    }

    /// <summary>The created_at lower bound an id seek turns into an id floor (ADR 0010); an updated_at one implies nothing about created_at.</summary>
    public KeysetBound? IdFloorSource()
    {
        var shape = this;
        return SortKey != ImportSortKey.Id ? null : Bounds().SingleOrDefault(bound => bound.IsLower && bound.Column == "created_at" && !shape.PositionLimits(bound));
    }

    /// <summary>An id seek with a time window walks the id zones (ADR 0012) instead of one id range.</summary>
    public bool ReadsIdZones => SortKey == ImportSortKey.Id && Bounds().Count > 0;

    /// <summary>
    /// The id range a zone walk reads, as the values each side is the greatest (least) of: the id after the position, then
    /// the creation-order marks (ADR 0010) as <paramref name="markId"/> reads them (none without it). Integer ids make
    /// <c>id &gt; p</c> the range from <c>p + 1</c>.
    /// </summary>
    public (IReadOnlyList<string> Lower, IReadOnlyList<string> Upper) IdRange(Func<KeysetBound, string>? markId)
    {
        var lower = new List<string>();
        var upper = new List<string>();
        if (HasPosition)
        {
            if (Direction == SortDirection.Ascending)
            {
                lower.Add($"@{KeysetArguments.AfterId} + 1");
            }
            else
            {
                upper.Add($"@{KeysetArguments.AfterId} - 1");
            }
        }

        if (markId is not null)
        {
            if (IdFloorSource() is { } floor)
            {
                lower.Add(markId(floor));
            }

            upper.AddRange(IdCeilingSources().Select(markId));
        }

        return (lower, upper);
    }

    /// <summary>The filter columns with a bound that implies nothing about the sort key: their range is probed before choosing the access path.</summary>
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
