using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Keyset;
using static ImportsService.Infrastructure.Keyset.KeysetArguments;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// The one batch a SQL Server keyset request sends, per shape (ADR 0003, ADR 0007), written once and cached. Every read of
/// <c>dbo.imports</c> is pinned with <c>WITH (INDEX (…), FORCESEEK)</c> to the index its access path is written for: a
/// seek on that index or an error, never another index or a scan. Page and count are folded into one statement, so they
/// read one snapshot under READ_COMMITTED_SNAPSHOT (or SNAPSHOT); a shape with probed columns probes and chooses its
/// access path in the same batch.
/// </summary>
internal static class SqlServerKeysetSql
{
    /// <summary>The status filter always has this many parameters; a smaller set repeats a member.</summary>
    public const int StatusSlots = 10;

    private static readonly ConcurrentDictionary<KeysetQueryShape, string> Batches = new();

    private static readonly string StatusList = string.Join(", ", Enumerable.Range(0, StatusSlots).Select(slot => "@" + StatusParameter(slot)));

    public static string For(KeysetQueryShape shape) => Batches.GetOrAdd(shape, Batch);

    /// <summary>The clustered primary key <c>(account_id, id)</c> serves sort[id]; each timestamp has its covering index.</summary>
    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "pk_imports",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string StatusParameter(int slot) => $"status_{slot}";

    /// <summary>
    /// The values of the status slots: the members of <paramref name="statuses"/>, padded with the last one, so every
    /// status set shares one statement and plan.
    /// </summary>
    public static IEnumerable<TypedParameter> StatusValues(ImportStatusSet statuses)
    {
        var members = statuses.Members.Select(s => (byte)s).ToArray();
        return Enumerable.Range(0, StatusSlots).Select(slot => TypedParameter.Byte(StatusParameter(slot), members[Math.Min(slot, members.Length - 1)]));
    }

    /// <summary>
    /// The seek's page and capped count, the count reading in the page's order so it stops where the page found its rows.
    /// With a status filter, a fixed ten arms whatever the set: one text and one cached plan per shape. Arm n reads status n
    /// (a literal: the slots repeat a member, and arms per slot would return rows twice) when the set includes it; that
    /// IN list names no column, so the optimizer makes it a start-up filter and an arm that is off is never opened. Each
    /// arm has its own TOP and ORDER BY, so whatever the optimizer does with the concatenation, it reads at most take
    /// (count_cap) rows per arm.
    /// </summary>
    internal static (string Page, string Count) Seek(KeysetQueryShape shape)
    {
        var orderBy = shape.OrderBy();
        if (!shape.FiltersStatus)
        {
            var from = From(IndexFor(shape.SortKey));
            var where = And([$"account_id = @{AccountId}", .. shape.Residual().Select(bound => bound.Predicate), .. SeekRange(shape)]);
            return (
                Page(from, where, orderBy),
                $"SELECT COUNT(*) AS Remaining FROM (SELECT TOP (@{CountCap}) 1 AS x FROM {from} WHERE {where} ORDER BY {orderBy}) AS c;");
        }

        var arms = Enumerable.Range(0, ImportStatusSet.StatusCount)
            .Select(code => code.ToString(CultureInfo.InvariantCulture))
            .Select(code => (
                From: From(shape.StatusIndex()),
                Where: And([$"account_id = @{AccountId}", $"status = {code} AND {code} IN ({StatusList})", .. SeekRange(shape), .. shape.Residual().Select(bound => bound.Predicate)])))
            .ToArray();
        var pages = arms.Select((arm, i) =>
            $"    SELECT {ImportColumns.Aliases} FROM (SELECT TOP (@{Take}) {ImportColumns.SelectList} FROM {arm.From} WHERE {arm.Where} ORDER BY {orderBy}) AS s{i.ToString(CultureInfo.InvariantCulture)}");
        var counts = arms.Select((arm, i) =>
            $"SELECT x FROM (SELECT TOP (@{CountCap}) 1 AS x FROM {arm.From} WHERE {arm.Where} ORDER BY {orderBy}) AS s{i.ToString(CultureInfo.InvariantCulture)}");
        return (
            $"""
            SELECT TOP (@{Take}) {ImportColumns.Aliases}
            FROM (
            {string.Join("\n    UNION ALL\n", pages)}
            ) AS u
            ORDER BY {AliasOrderBy(shape)};
            """,
            $"SELECT COUNT(*) AS Remaining FROM (SELECT TOP (@{CountCap}) x FROM ({string.Join(" UNION ALL ", counts)}) AS u) AS c;");
    }

    /// <summary>
    /// The page and count of a probed range, read through the filter column's own index (at most the probe cap of rows):
    /// the column's range is the seek, every other filter and the position are checked on its rows, the page sorts them.
    /// </summary>
    internal static (string Page, string Count) Range(KeysetQueryShape shape, string column)
    {
        var from = From(IndexFor(ImportColumns.SortKeyOf(column)));
        var where = And(
        [
            $"account_id = @{AccountId}",
            .. shape.FiltersStatus ? [$"status IN ({StatusList})"] : Array.Empty<string>(),
            .. shape.Bounds().Select(bound => bound.Predicate),
            .. shape.HasPosition ? [Position(shape, implied: null)] : Array.Empty<string>(),
        ]);
        return (
            Page(from, where, shape.OrderBy()),
            $"SELECT COUNT(*) AS Remaining FROM (SELECT TOP (@{CountCap}) 1 AS x FROM {from} WHERE {where}) AS c;");
    }

    /// <summary>
    /// Page and count as one statement: the count (one row) left-joined to the page, so each is evaluated once and an
    /// empty page still brings its count. Column 0 is the count; an empty page is one row whose other columns are NULL.
    /// </summary>
    internal static string Fold(KeysetQueryShape shape, (string Page, string Count) statements) => $"""
        SELECT r.Remaining, {string.Join(", ", ImportColumns.Aliases.Split(", ").Select(alias => "p." + alias))}
        FROM ({statements.Count.TrimEnd(';')}) AS r
        LEFT JOIN (
        {statements.Page.TrimEnd(';')}
        ) AS p ON 1 = 1
        ORDER BY {AliasOrderBy(shape, "p.")};
        """;

    /// <summary>
    /// Without probed columns, the folded seek. With them, each column's capped count into a variable, then the folded page
    /// of the smallest range under the cap (the first on a tie), else the seek's: <see cref="KeysetQueryShape.ChooseRange"/> in T-SQL.
    /// </summary>
    private static string Batch(KeysetQueryShape shape)
    {
        var seek = Fold(shape, Seek(shape));
        var columns = shape.ProbedColumns();
        if (columns.Count == 0)
        {
            return seek;
        }

        var batch = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            var where = And([$"account_id = @{AccountId}", .. shape.Bounds().Where(bound => bound.Column == columns[i]).Select(bound => bound.Predicate)]);
            batch.Append(CultureInfo.InvariantCulture,
                $"DECLARE {ProbeVariable(i)} int = (SELECT COUNT(*) FROM (SELECT TOP (@{ProbeCap}) 1 AS x FROM {From(IndexFor(ImportColumns.SortKeyOf(columns[i])))} WHERE {where}) AS p);\n");
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var condition = $"{ProbeVariable(i)} < @{ProbeCap}";
            for (var j = i + 1; j < columns.Count; j++)
            {
                condition += $" AND {ProbeVariable(i)} <= {ProbeVariable(j)}";
            }

            batch.Append(i == 0 ? "IF " : "ELSE IF ").Append(condition).Append('\n')
                .Append(Fold(shape, Range(shape, columns[i]))).Append('\n');
        }

        return batch.Append("ELSE\n").Append(seek).ToString();
    }

    private static string From(string index) => $"dbo.imports WITH (INDEX ({index}), FORCESEEK)";

    private static string Page(string from, string where, string orderBy) => $"""
        SELECT TOP (@{Take}) {ImportColumns.SelectList}
        FROM {from}
        WHERE {where}
        ORDER BY {orderBy};
        """;

    /// <summary>The seek's bounds on the sort key, then the position.</summary>
    private static IEnumerable<string> SeekRange(KeysetQueryShape shape) =>
    [
        .. shape.SeekBounds(Greatest, Least),
        .. shape.HasPosition ? [Position(shape, shape.ImpliedByPosition())] : Array.Empty<string>(),
    ];

    /// <summary>
    /// SQL Server has no row-value comparison, so past the position is written in seekable form:
    /// <c>created_at &lt;= @after_ts AND (created_at &lt; @after_ts OR id &lt; @after_id)</c>. The redundant inclusive
    /// range is what the seek uses; the OR only settles ties at its edge. A bound the position implies joins that range as
    /// the nearer of the two (always the position, which lies inside it), so the seek has a single bound on that side to
    /// start from, never the filter's; a strict bound also excludes its own instant (<c>&lt;&gt;</c>).
    /// </summary>
    private static string Position(KeysetQueryShape shape, KeysetBound? implied)
    {
        var after = shape.After();
        if (shape.SortKey == ImportSortKey.Id)
        {
            return $"id {after} @{AfterId}";
        }

        var column = shape.SortColumn();
        const string position = "@" + AfterTimestamp;
        var start = implied is null ? position : after == "<" ? Least(position, implied.Placeholder) : Greatest(position, implied.Placeholder);
        var strict = implied is not null && !implied.Operator.IsInclusive() ? $" AND {column} <> {implied.Placeholder}" : string.Empty;
        return $"{column} {after}= {start} AND ({column} {after} {position} OR id {after} @{AfterId}){strict}";
    }

    private static string Greatest(string first, string second) => $"CASE WHEN {first} >= {second} THEN {first} ELSE {second} END";

    private static string Least(string first, string second) => $"CASE WHEN {first} <= {second} THEN {first} ELSE {second} END";

    /// <summary><c>CreatedAt DESC, Id DESC</c>: the sort in the select list's aliases.</summary>
    private static string AliasOrderBy(KeysetQueryShape shape, string qualifier = "")
    {
        var order = shape.Order();
        return shape.SortKey == ImportSortKey.Id
            ? $"{qualifier}Id {order}"
            : $"{qualifier}{ImportColumns.AliasOf(shape.SortColumn())} {order}, {qualifier}Id {order}";
    }

    private static string ProbeVariable(int i) => "@probe_" + i.ToString(CultureInfo.InvariantCulture);

    private static string And(IEnumerable<string> predicates) => string.Join(" AND ", predicates);
}
