using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// What the statements of one <see cref="KeysetQueryShape"/> read, decided from the shape alone and the same in
/// every dialect (ADR 0007):
/// <list type="bullet">
/// <item>the <b>seek</b> on the sort key's index (or, with a status filter, one seek per status on the
/// status-led index): its range on the sort key comes from the position, the sort key's own bounds, and bounds
/// derived from the other timestamp through the schema's <c>created_at &lt;= updated_at</c>; a bound on the side
/// the position already limits is left out of the seek, since the signed position lies inside it
/// (<see cref="ImpliedByPosition"/>);</item>
/// <item>the filters the seek cannot use, checked on the rows it reads (<see cref="Residual"/>);</item>
/// <item>the filter columns whose range is <b>probed</b> (<see cref="ProbeColumns"/>): a bound on the other
/// timestamp that implies nothing about the sort key. A request counts the rows in that column's range, up to
/// <see cref="ProbeCap"/>; when there are fewer, the page reads that range through the column's own index and
/// sorts it, instead of seeking on the sort key past rows the filter rejects.</item>
/// </list>
/// </summary>
internal sealed class KeysetPlan
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<KeysetQueryShape, KeysetPlan> Plans = new();

    /// <summary>
    /// A range of the filter column with fewer rows than this is read through that column's index and sorted:
    /// at most this many index entries read, and a top-N sort of the matches. Sized so that reading and sorting
    /// a full range costs about what an unfiltered page costs (docs/performance.md).
    /// </summary>
    public const int ProbeCap = 2_000;

    private KeysetPlan(KeysetQueryShape shape)
    {
        Shape = shape;
        SortColumn = shape.SortKey == ImportSortKey.Id ? null : ImportColumns.SortColumn(shape.SortKey);
        var positionSide = shape.Direction == SortDirection.Descending ? Side.Upper : Side.Lower;

        var lower = new List<KeySource>();
        var upper = new List<KeySource>();
        var residual = new List<ShapeBound>();
        var implied = new List<ShapeBound>();
        foreach (var slot in KeysetBounds.All)
        {
            if (slot.Operator(shape) is not { } op)
            {
                continue;
            }

            var side = op.IsLower() ? Side.Lower : Side.Upper;
            if (slot.Column == SortColumn)
            {
                // The sort key's own bound: part of the seek, unless the position already bounds that side.
                if (shape.HasPosition && side == positionSide)
                {
                    implied.Add(new ShapeBound(slot, op));
                }
                else
                {
                    (side == Side.Lower ? lower : upper).Add(new KeySource(slot, op, Derived: false));
                }

                continue;
            }

            residual.Add(new ShapeBound(slot, op));
            if (DerivesKeyBound(SortColumn, slot.Column, side) && !(shape.HasPosition && side == positionSide))
            {
                (side == Side.Lower ? lower : upper).Add(new KeySource(slot, op, Derived: true));
            }
        }

        Lower = lower;
        Upper = upper;
        Residual = residual;
        ImpliedByPosition = implied;
        ProbeColumns = ProbedColumns(shape, SortColumn);
    }

    public KeysetQueryShape Shape { get; }

    /// <summary>The sort key's column when it is a timestamp; null when the listing sorts by id.</summary>
    public string? SortColumn { get; }

    /// <summary>Where the seek on the sort key starts or ends from below: own and derived lower bounds (none or up to two).</summary>
    public IReadOnlyList<KeySource> Lower { get; }

    /// <summary>Own and derived upper bounds of the seek on the sort key (none or up to two).</summary>
    public IReadOnlyList<KeySource> Upper { get; }

    /// <summary>Every bound on a column other than the sort key, checked on each row the seek reads.</summary>
    public IReadOnlyList<ShapeBound> Residual { get; }

    /// <summary>
    /// The sort key's own bound on the side the position limits (at most one): a page's position is the last row of
    /// the previous page of the same signed listing, so it lies inside the bound and the bound adds nothing to the
    /// seek. A dialect still checks it, written so the seek cannot start from it (<c>KeysetSql.TimestampPosition</c>).
    /// </summary>
    public IReadOnlyList<ShapeBound> ImpliedByPosition { get; }

    /// <summary>Filter columns whose range a request probes before choosing the access path (none, one, or for id sorts two).</summary>
    public IReadOnlyList<string> ProbeColumns { get; }

    /// <summary>Every bound of the shape, in <see cref="KeysetBounds.All"/> order, as the request wrote it.</summary>
    public IEnumerable<ShapeBound> AllBounds =>
        KeysetBounds.All.Where(slot => slot.Operator(Shape) is not null).Select(slot => new ShapeBound(slot, slot.Operator(Shape)!.Value));

    /// <summary>
    /// The plan of a shape, made once: a plan depends on nothing but its shape and is immutable, and shapes are few
    /// (1,944), so every request after the first of its shape reuses it.
    /// </summary>
    public static KeysetPlan Of(KeysetQueryShape shape) => Plans.GetOrAdd(shape, static s => new KeysetPlan(s));

    /// <summary>
    /// created_at &lt;= updated_at: a lower bound on created_at is one on updated_at (created_at &gt;= X ⇒ updated_at &gt;= X),
    /// an upper bound on updated_at is one on created_at (updated_at &lt;= Y ⇒ created_at &lt;= Y), with the same operator.
    /// </summary>
    private static bool DerivesKeyBound(string? sortColumn, string filterColumn, Side side) =>
        (sortColumn, filterColumn, side) switch
        {
            ("updated_at", "created_at", Side.Lower) => true,
            ("created_at", "updated_at", Side.Upper) => true,
            _ => false,
        };

    /// <summary>
    /// The columns with a bound that implies nothing about the sort key: any timestamp bound when sorting by id,
    /// a lower bound on updated_at when sorting by created_at, an upper bound on created_at when sorting by updated_at.
    /// </summary>
    private static string[] ProbedColumns(KeysetQueryShape shape, string? sortColumn) => sortColumn switch
    {
        null => new[]
        {
            shape.CreatedLower is not null || shape.CreatedUpper is not null ? "created_at" : null,
            shape.UpdatedLower is not null || shape.UpdatedUpper is not null ? "updated_at" : null,
        }.OfType<string>().ToArray(),
        "created_at" => shape.UpdatedLower is not null ? ["updated_at"] : [],
        _ => shape.CreatedUpper is not null ? ["created_at"] : [],
    };

    private enum Side
    {
        Lower,
        Upper,
    }

    /// <summary>One bound of the seek on the sort key: the key's own (<paramref name="Derived"/> false) or implied by the other timestamp's.</summary>
    internal sealed record KeySource(KeysetBounds.Slot Slot, BoundOperator Operator, bool Derived);

    /// <summary>A bound as the request wrote it: column, operator, parameter.</summary>
    internal sealed record ShapeBound(KeysetBounds.Slot Slot, BoundOperator Operator);
}
