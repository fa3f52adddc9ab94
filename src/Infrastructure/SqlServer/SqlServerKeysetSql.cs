using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// The SQL Server hooks of the keyset statements (<see cref="KeysetSql"/>) and the one batch a request sends
/// (<see cref="For"/>), ADR 0003 and ADR 0007:
/// <list type="bullet">
/// <item>every read of <c>dbo.imports</c> is pinned to the index its shape is written for,
/// <c>WITH (INDEX (…), FORCESEEK)</c>: a seek on that index or an error, never another index or a scan;</item>
/// <item>TOP instead of LIMIT; the status set as a fixed-arity IN list (residual) and, per status arm, a
/// predicate on parameters alone that the optimizer turns into a start-up filter, so an arm of a status the
/// request does not include is never opened; each arm has its own TOP and ORDER BY, so whatever the optimizer
/// does with the concatenation, it reads at most take (count_cap) rows per arm;</item>
/// <item>since SQL Server has no row-value comparison, the position in the seekable form
/// <c>created_at &lt;= @after_ts AND (created_at &lt; @after_ts OR id &lt; @after_id)</c>: the first conjunct is a
/// range on the index key the seek starts from, the OR only decides the tie at its edge;</item>
/// <item>page and count folded into <b>one statement</b>, so they read one snapshot under READ_COMMITTED_SNAPSHOT
/// (or SNAPSHOT), and, for shapes with a probe, the probe and the choice of access path in the same batch.</item>
/// </list>
/// </summary>
internal sealed class SqlServerKeysetSql : KeysetSql
{
    /// <summary>The status filter always has this many parameters; a smaller set repeats a member.</summary>
    public const int StatusSlots = 10;

    private readonly ConcurrentDictionary<KeysetQueryShape, string> batches = new();

    private SqlServerKeysetSql()
    {
    }

    public static SqlServerKeysetSql Instance { get; } = new();

    /// <summary>The clustered primary key <c>(account_id, id)</c> serves sort[id]; each timestamp has its covering index.</summary>
    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "pk_imports",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public override string SortIndex(ImportSortKey key) => IndexFor(key);

    protected override string StatusPredicate => $"status IN ({StatusList})";

    private static string StatusList => string.Join(", ", Enumerable.Range(0, StatusSlots).Select(slot => "@" + StatusParameter(slot)));

    public static string StatusParameter(int slot) => $"status_{slot}";

    /// <summary>
    /// The values of the status slots: the members of <paramref name="statuses"/>, padded with the last one,
    /// so every status set shares one statement and plan.
    /// </summary>
    public static IEnumerable<TypedParameter> StatusValues(ImportStatusSet statuses)
    {
        var members = statuses.Members.Select(s => (byte)s).ToArray();
        return Enumerable.Range(0, StatusSlots).Select(slot => TypedParameter.Byte(StatusParameter(slot), members[Math.Min(slot, members.Length - 1)]));
    }

    /// <summary>
    /// The one batch a request of <paramref name="shape"/> sends: page and count folded into one statement, after a
    /// probe that chooses between the filter column's range and the seek when the shape has one. Built once per shape.
    /// </summary>
    public string For(KeysetQueryShape shape) => batches.GetOrAdd(shape, Batch);

    // A fixed ten arms whatever the set: one text, one cached plan per shape. Arm n reads status n when the set includes
    // it; the IN list has no column, so the optimizer makes it a start-up filter and an arm that is off is never opened.
    protected override int StatusArms(int statuses) => ImportStatusSet.StatusCount;

    protected override string StatusArm(int arm)
    {
        var code = arm.ToString(CultureInfo.InvariantCulture);
        return $"status = {code} AND {code} IN ({StatusList})";
    }

    protected override string Source(string index) => $"dbo.imports WITH (INDEX ({index}), FORCESEEK)";

    protected override string Top(string rows) => $"TOP ({rows}) ";

    protected override string Limit(string rows) => string.Empty;

    // The redundant inclusive range is what the seek uses; the OR settles ties on the timestamp by id. A bound the
    // position implies joins that one range as the nearer of the two (always the position, which lies inside the
    // bound), so there is a single bound on that side for the seek to start from, never the filter's; a strict
    // bound also excludes its own instant (<>), so the predicate is exact whatever the position.
    protected override string TimestampPosition(string column, string after, IReadOnlyList<KeysetPlan.ShapeBound> implied)
    {
        const string position = "@" + ImportParameters.AfterTimestamp;
        var bound = implied.Count == 0 ? null : "@" + implied[0].Slot.Parameter;
        var start = bound is null ? position : after == "<" ? Least(position, bound) : Greatest(position, bound);
        var strict = bound is not null && !implied[0].Operator.IsInclusive() ? $" AND {column} <> {bound}" : string.Empty;
        return $"{column} {after}= {start} AND ({column} {after} {position} OR id {after} @{ImportParameters.AfterId}){strict}";
    }

    protected override string Greatest(string first, string second) => $"CASE WHEN {first} >= {second} THEN {first} ELSE {second} END";

    protected override string Least(string first, string second) => $"CASE WHEN {first} <= {second} THEN {first} ELSE {second} END";

    protected override string MergedPage(KeysetQueryShape shape, IReadOnlyList<Arm> arms)
    {
        const string take = "@" + ImportParameters.Take;
        var branches = arms.Select((arm, i) =>
            $"    SELECT {ImportColumns.Aliases} FROM (SELECT TOP ({take}) {ImportColumns.SelectList} FROM {arm.Source} WHERE {arm.Where} ORDER BY {OrderBy(shape)}) AS s{i.ToString(CultureInfo.InvariantCulture)}");
        return $"""
            SELECT TOP ({take}) {ImportColumns.Aliases}
            FROM (
            {string.Join("\n    UNION ALL\n", branches)}
            ) AS u
            ORDER BY {AliasOrderBy(shape)};
            """;
    }

    protected override string MergedCount(KeysetQueryShape shape, IReadOnlyList<Arm> arms)
    {
        const string countCap = "@" + ImportParameters.CountCap;
        var branches = arms.Select((arm, i) =>
            $"SELECT x FROM (SELECT TOP ({countCap}) 1 AS x FROM {arm.Source} WHERE {arm.Where} ORDER BY {OrderBy(shape)}) AS s{i.ToString(CultureInfo.InvariantCulture)}");
        return $"SELECT COUNT(*) AS Remaining FROM (SELECT TOP ({countCap}) x FROM ({string.Join(" UNION ALL ", branches)}) AS u) AS c;";
    }

    /// <summary>The variable holding probe <paramref name="i"/>'s capped count.</summary>
    public static string ProbeVariable(int i) => "@probe_" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Page and count as one statement: the count (one row) left-joined to the page, so each is evaluated once and an
    /// empty page still brings its count. Column 0 is the count; an empty page is one row whose columns after it are NULL.
    /// </summary>
    public static string Fold(KeysetQueryShape shape, IReadOnlyList<string> pageAndCount)
    {
        ArgumentNullException.ThrowIfNull(pageAndCount);
        var columns = string.Join(", ", ImportColumns.Aliases.Split(", ").Select(alias => "p." + alias));
        return $"""
            SELECT r.Remaining, {columns}
            FROM ({pageAndCount[1].TrimEnd(';')}) AS r
            LEFT JOIN (
            {pageAndCount[0].TrimEnd(';')}
            ) AS p ON 1 = 1
            ORDER BY {AliasOrderBy(shape, "p")};
            """;
    }

    private string Batch(KeysetQueryShape shape)
    {
        var statements = Of(shape);
        if (statements.Ranges.Count == 0)
        {
            return Fold(shape, statements.Seek);
        }

        var batch = new StringBuilder();
        for (var i = 0; i < statements.Ranges.Count; i++)
        {
            batch.Append(CultureInfo.InvariantCulture, $"DECLARE {ProbeVariable(i)} int = {ProbeCount(statements.Plan, statements.Ranges[i].Column)};\n");
        }

        // The smallest range under the cap (the first on a tie), else the seek: KeysetStatements.Choose in T-SQL.
        for (var i = 0; i < statements.Ranges.Count; i++)
        {
            var condition = $"{ProbeVariable(i)} < @{ImportParameters.ProbeCap}";
            for (var j = i + 1; j < statements.Ranges.Count; j++)
            {
                condition += $" AND {ProbeVariable(i)} <= {ProbeVariable(j)}";
            }

            batch.Append(i == 0 ? "IF " : "ELSE IF ").Append(condition).Append('\n')
                .Append(Fold(shape, statements.Ranges[i].Statements)).Append('\n');
        }

        return batch.Append("ELSE\n").Append(Fold(shape, statements.Seek)).ToString();
    }
}
