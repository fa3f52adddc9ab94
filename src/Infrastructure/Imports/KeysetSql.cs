using System.Collections.Concurrent;
using System.Globalization;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// The keyset statements of one dialect, for each <see cref="KeysetQueryShape"/> (and, where the dialect writes one arm
/// per included status, each number of statuses) built once from its <see cref="KeysetPlan"/> and cached, so the number
/// of distinct SQL texts is bounded.
/// <list type="bullet">
/// <item><b>Seek</b> (<see cref="Statements"/>): the page (take rows in sort order after the position) and the
/// capped count from the same position, reading in the page's order so the count stops where the page found its
/// rows. Without a status filter both read one range of the sort key's covering index. With one, both read one
/// range per status of the status-led index <c>(account_id, status, key, id)</c>, merged in sort order: one arm per
/// status (<see cref="StatusArms"/>, <see cref="StatusArm"/>): a fixed ten arms, one per status code, each switched
/// off by a predicate on parameters alone when its status is not included (SQL Server, which caches plans), or one
/// arm per included status with the status as a parameter (SQLite, which prepares the text on every request).</item>
/// <item><b>Probe</b> and <b>ranges</b> (shapes with a bound on the other timestamp that implies nothing about the
/// sort key): a capped count of each such filter column's range, and for each column a page and count that read
/// that range through the column's own index and sort it. The reader takes the smallest range under the cap, or
/// the seek when every range reaches it.</item>
/// </list>
/// <para>
/// Everything that is the same in every dialect is written here once: the select list, the predicates (account,
/// status, timestamp bounds, position), the ORDER BY, the statement skeletons and the parameter names. A dialect
/// supplies only the hooks: its index names (<see cref="SortIndex"/>) and how it reads one (<see cref="Source"/>),
/// how it limits rows (<see cref="Top"/> or <see cref="Limit"/>), how it filters a status set as a residual
/// (<see cref="StatusPredicate"/>) and writes the status arms (<see cref="StatusArms"/>, <see cref="StatusArm"/>), how it merges the
/// arms in sort order (<see cref="MergedPage"/>, <see cref="MergedCount"/>), how it writes "past the position" on a
/// timestamp sort (<see cref="TimestampPosition"/>) and the later or earlier of two instants (<see cref="Greatest"/>,
/// <see cref="Least"/>).
/// </para>
/// </summary>
internal abstract class KeysetSql
{
    private readonly ConcurrentDictionary<(KeysetQueryShape Shape, int Arms), KeysetStatements> cache = new();

    /// <summary>Every statement of a shape, for a set of all ten statuses when it filters by status; built once.</summary>
    public KeysetStatements Of(KeysetQueryShape shape) => Of(shape, ImportStatusSet.StatusCount);

    /// <summary>Every statement of a shape for a request whose status set has <paramref name="statuses"/> members; built once.</summary>
    public KeysetStatements Of(KeysetQueryShape shape, int statuses)
    {
        var arms = shape.FiltersStatus ? StatusArms(statuses) : 0;
        return cache.GetOrAdd((shape, arms), key => Build(key.Shape, key.Arms));
    }

    /// <summary>The seek's page statement and count statement of a shape, each on its own (the plan tests examine each).</summary>
    public IReadOnlyList<string> Statements(KeysetQueryShape shape) => Of(shape).Seek;

    /// <summary>The status-led covering index of a sort key: <c>(account_id, status, key, id)</c>, the same name in every dialect.</summary>
    public static string StatusIndex(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "ix_imports_account_status_id",
        ImportSortKey.CreatedAt => "ix_imports_account_status_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_status_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>The covering index led by <c>(account_id, key)</c> of a sort key in this dialect.</summary>
    public abstract string SortIndex(ImportSortKey key);

    /// <summary>The table as a statement reads it through <paramref name="index"/>, pinned so the plan cannot drift.</summary>
    protected abstract string Source(string index);

    /// <summary>What goes between SELECT and the columns to keep at most <paramref name="rows"/> rows (with a trailing space), or nothing.</summary>
    protected abstract string Top(string rows);

    /// <summary>What goes after ORDER BY to keep at most <paramref name="rows"/> rows (with a leading space), or nothing.</summary>
    protected abstract string Limit(string rows);

    /// <summary>The predicate that admits a row whose status is in the request's set, written as one text for any set (a residual check).</summary>
    protected abstract string StatusPredicate { get; }

    /// <summary>How many arms a status-filtered statement has for a set of <paramref name="statuses"/> members (1–10).</summary>
    protected abstract int StatusArms(int statuses);

    /// <summary>The status predicate of arm <paramref name="arm"/>: an equality on <c>status</c> the index seeks, and whatever switches the arm on.</summary>
    protected abstract string StatusArm(int arm);

    /// <summary>
    /// The predicate "(<paramref name="column"/>, id) is past (@after_ts, @after_id)" in the sort's direction,
    /// <paramref name="after"/> being <c>&lt;</c> or <c>&gt;</c>, written so the index seek starts at the position,
    /// and, checked too, the sort key's own bound on that side that the position implies (<paramref name="implied"/>,
    /// <see cref="KeysetPlan.ImpliedByPosition"/>), written so the seek cannot start from it instead.
    /// </summary>
    protected abstract string TimestampPosition(string column, string after, IReadOnlyList<KeysetPlan.ShapeBound> implied);

    /// <summary>The later of two instants (parameter expressions).</summary>
    protected abstract string Greatest(string first, string second);

    /// <summary>The earlier of two instants (parameter expressions).</summary>
    protected abstract string Least(string first, string second);

    /// <summary>
    /// The page of a status-filtered shape: the rows of every arm merged in sort order, the first take of them. Each
    /// arm is a statement's FROM and WHERE; each arm alone is an index range in sort order.
    /// </summary>
    protected abstract string MergedPage(KeysetQueryShape shape, IReadOnlyList<Arm> arms);

    /// <summary>The capped count of a status-filtered shape over the same arms, reading each in the page's order.</summary>
    protected abstract string MergedCount(KeysetQueryShape shape, IReadOnlyList<Arm> arms);

    /// <summary><c>created_at DESC, id DESC</c>: the sort in column names.</summary>
    protected static string OrderBy(KeysetQueryShape shape)
    {
        var order = ImportColumns.Order(shape.Direction);
        return shape.SortKey == ImportSortKey.Id ? $"id {order}" : $"{ImportColumns.SortColumn(shape.SortKey)} {order}, id {order}";
    }

    /// <summary><c>CreatedAt DESC, Id DESC</c>: the sort in the select list's aliases.</summary>
    protected static string AliasOrderBy(KeysetQueryShape shape, string? qualifier = null)
    {
        var order = ImportColumns.Order(shape.Direction);
        var prefix = qualifier is null ? string.Empty : qualifier + ".";
        return shape.SortKey == ImportSortKey.Id
            ? $"{prefix}Id {order}"
            : $"{prefix}{ImportColumns.AliasOf(ImportColumns.SortColumn(shape.SortKey))} {order}, {prefix}Id {order}";
    }

    /// <summary><c>created_at, id</c>: the columns the sort reads.</summary>
    protected static string SortColumns(KeysetQueryShape shape) =>
        shape.SortKey == ImportSortKey.Id ? "id" : $"{ImportColumns.SortColumn(shape.SortKey)}, id";

    private static ImportSortKey KeyOf(string column) => column switch
    {
        "created_at" => ImportSortKey.CreatedAt,
        "updated_at" => ImportSortKey.UpdatedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    private static string Parameter(KeysetBounds.Slot slot) => "@" + slot.Parameter;

    private static string Written(KeysetPlan.ShapeBound bound) =>
        $"{bound.Slot.Column} {ImportColumns.Operator(bound.Operator)} {Parameter(bound.Slot)}";

    private KeysetStatements Build(KeysetQueryShape shape, int statusArms)
    {
        var plan = KeysetPlan.Of(shape);
        var ranges = plan.ProbeColumns.Select(column => new KeysetRangeStatements(column, SortIndex(KeyOf(column)), RangeStatements(plan, column))).ToArray();
        return new KeysetStatements(plan, SeekStatements(plan, statusArms), ProbeStatement(plan), ranges);
    }

    private IReadOnlyList<string> SeekStatements(KeysetPlan plan, int statusArms)
    {
        var shape = plan.Shape;
        if (shape.FiltersStatus)
        {
            var arms = Enumerable.Range(0, statusArms)
                .Select(arm => new Arm(
                    Source(StatusIndex(shape.SortKey)),
                    Conjunction([$"account_id = @{ImportParameters.AccountId}", StatusArm(arm), .. SeekRange(plan), .. plan.Residual.Select(Written)])))
                .ToArray();
            return [MergedPage(shape, arms), MergedCount(shape, arms)];
        }

        var source = Source(SortIndex(shape.SortKey));
        var where = "WHERE " + Conjunction([$"account_id = @{ImportParameters.AccountId}", .. plan.Residual.Select(Written), .. SeekRange(plan)]);
        return [Page(source, where, OrderBy(shape)), Count(source, where, OrderBy(shape))];
    }

    /// <summary>
    /// Through the filter column's own index: the range of that column is the seek, every other filter and the position
    /// are checked on its rows, and the page sorts what passes (at most <see cref="KeysetPlan.ProbeCap"/> rows read).
    /// The count needs no order: it reads the whole (small) range at most.
    /// </summary>
    private IReadOnlyList<string> RangeStatements(KeysetPlan plan, string column)
    {
        var shape = plan.Shape;
        var source = Source(SortIndex(KeyOf(column)));
        var where = "WHERE " + Conjunction(
        [
            $"account_id = @{ImportParameters.AccountId}",
            .. shape.FiltersStatus ? [StatusPredicate] : Array.Empty<string>(),
            .. plan.AllBounds.Select(Written),
            .. shape.HasPosition ? [Position(shape, [])] : Array.Empty<string>(),
        ]);
        const string countCap = "@" + ImportParameters.CountCap;
        var count = $"SELECT COUNT(*) AS Remaining FROM (SELECT {Top(countCap)}1 AS x FROM {source} {where}{Limit(countCap)}) AS c;";
        return [RangePage(shape, source, where, column), count];
    }

    /// <summary>
    /// The page of a probed range: the range's rows (<paramref name="where"/> on <paramref name="source"/>, at most the
    /// probe cap of them) sorted into the page. A dialect may say in which order to read the range (<paramref name="column"/>).
    /// </summary>
    protected virtual string RangePage(KeysetQueryShape shape, string source, string where, string column) => Page(source, where, OrderBy(shape));

    /// <summary>One row: for each probed column, the rows of the account in that column's range, counted up to the probe cap.</summary>
    private string? ProbeStatement(KeysetPlan plan) =>
        plan.ProbeColumns.Count == 0
            ? null
            : "SELECT " + string.Join(", ", plan.ProbeColumns.Select((column, i) => $"{ProbeCount(plan, column)} AS probe_{i.ToString(CultureInfo.InvariantCulture)}")) + ";";

    /// <summary>The capped count of the account's rows in <paramref name="column"/>'s range: a scalar subquery.</summary>
    protected string ProbeCount(KeysetPlan plan, string column)
    {
        ArgumentNullException.ThrowIfNull(plan);
        const string probeCap = "@" + ImportParameters.ProbeCap;
        var bounds = plan.AllBounds.Where(b => b.Slot.Column == column).Select(Written);
        var where = Conjunction([$"account_id = @{ImportParameters.AccountId}", .. bounds]);
        return $"(SELECT COUNT(*) FROM (SELECT {Top(probeCap)}1 AS x FROM {Source(SortIndex(KeyOf(column)))} WHERE {where}{Limit(probeCap)}) AS p)";
    }

    /// <summary>The page statement on one index range: the select list, the source, the predicate, the order and the limit.</summary>
    protected string Page(string source, string where, string orderBy)
    {
        const string take = "@" + ImportParameters.Take;
        return $"""
            SELECT {Top(take)}{ImportColumns.SelectList}
            FROM {source}
            {where}
            ORDER BY {orderBy}{Limit(take)};
            """;
    }

    private string Count(string source, string where, string orderBy)
    {
        const string countCap = "@" + ImportParameters.CountCap;
        return $"SELECT COUNT(*) AS Remaining FROM (SELECT {Top(countCap)}1 AS x FROM {source} {where} ORDER BY {orderBy}{Limit(countCap)}) AS c;";
    }

    /// <summary>The seek's range on the sort key: its lower and upper bounds, then the position.</summary>
    private IEnumerable<string> SeekRange(KeysetPlan plan)
    {
        foreach (var predicate in Side(plan, plan.Lower, lower: true).Concat(Side(plan, plan.Upper, lower: false)))
        {
            yield return predicate;
        }

        if (plan.Shape.HasPosition)
        {
            yield return Position(plan.Shape, plan.ImpliedByPosition);
        }
    }

    /// <summary>
    /// One side of the seek: a single bound as written (a derived one keeps its operator: created_at &gt; X ⇒ updated_at &gt; X);
    /// the sort key's own bound and a derived one together as one inclusive bound at the later (earlier) of the two, so the seek
    /// starts at the tighter whichever it is, plus <c>&lt;&gt;</c> for an own strict bound (the derived one's strictness is the
    /// residual filter on its column).
    /// </summary>
    private IEnumerable<string> Side(KeysetPlan plan, IReadOnlyList<KeysetPlan.KeySource> sources, bool lower)
    {
        var column = plan.SortColumn!;
        if (sources.Count == 1)
        {
            yield return $"{column} {ImportColumns.Operator(sources[0].Operator)} {Parameter(sources[0].Slot)}";
        }
        else if (sources.Count == 2)
        {
            var own = sources.Single(s => !s.Derived);
            var derived = sources.Single(s => s.Derived);
            yield return lower
                ? $"{column} >= {Greatest(Parameter(own.Slot), Parameter(derived.Slot))}"
                : $"{column} <= {Least(Parameter(own.Slot), Parameter(derived.Slot))}";
            if (!own.Operator.IsInclusive())
            {
                yield return $"{column} <> {Parameter(own.Slot)}";
            }
        }
    }

    private string Position(KeysetQueryShape shape, IReadOnlyList<KeysetPlan.ShapeBound> implied)
    {
        var after = ImportColumns.After(shape.Direction);
        return shape.SortKey == ImportSortKey.Id
            ? $"id {after} @{ImportParameters.AfterId}"
            : TimestampPosition(ImportColumns.SortColumn(shape.SortKey), after, implied);
    }

    private static string Conjunction(IEnumerable<string> predicates) => string.Join(" AND ", predicates);

    /// <summary>One arm of a status-filtered statement: what it reads (<paramref name="Source"/>) and its whole predicate (<paramref name="Where"/>, without the keyword).</summary>
    internal sealed record Arm(string Source, string Where);
}

/// <summary>Every statement of one shape (<see cref="KeysetSql"/>).</summary>
/// <param name="Seek">The page and the count on the sort key's (or status-led) index.</param>
/// <param name="Probe">One row of capped range counts, one per <see cref="KeysetPlan.ProbeColumns"/>; null when nothing is probed.</param>
/// <param name="Ranges">For each probed column, in the same order, the page and count through that column's index.</param>
internal sealed record KeysetStatements(KeysetPlan Plan, IReadOnlyList<string> Seek, string? Probe, IReadOnlyList<KeysetRangeStatements> Ranges)
{
    /// <summary>
    /// The access path for the counts a probe returned (in <see cref="Ranges"/> order): the smallest range under the
    /// cap, the first on a tie; null (the seek) when every range holds at least the cap.
    /// </summary>
    public static int? Choose(IReadOnlyList<long> probeCounts, long cap)
    {
        ArgumentNullException.ThrowIfNull(probeCounts);
        int? best = null;
        for (var i = 0; i < probeCounts.Count; i++)
        {
            if (probeCounts[i] < cap && (best is not { } b || probeCounts[i] < probeCounts[b]))
            {
                best = i;
            }
        }

        return best;
    }
}

/// <summary>The page and count that read a probed column's range through its own index (<paramref name="Index"/>).</summary>
internal sealed record KeysetRangeStatements(string Column, string Index, IReadOnlyList<string> Statements);
