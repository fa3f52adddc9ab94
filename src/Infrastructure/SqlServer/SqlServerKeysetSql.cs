using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Keyset;
using static ImportsService.Infrastructure.Keyset.KeysetArguments;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// The one batch a SQL Server keyset request sends, cached per shape (ADR 0003, ADR 0007). <c>WITH (INDEX (…), FORCESEEK)</c>
/// pins every read to its access path's index: a seek there or an error, never a scan. Page and count are one statement,
/// so they read one snapshot under READ_COMMITTED_SNAPSHOT; a probe chooses the access path in the same batch.
/// </summary>
internal static class SqlServerKeysetSql
{
    public const int StatusSlots = 10;

    private static readonly ConcurrentDictionary<KeysetQueryShape, string> Batches = new();

    private static readonly string StatusList = string.Join(", ", Enumerable.Range(0, StatusSlots).Select(slot => "@" + StatusParameter(slot)));

    public static string For(KeysetQueryShape shape) => Batches.GetOrAdd(shape, Batch);

    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "pk_imports",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string StatusParameter(int slot) => $"status_{slot}";

    /// <summary>Always ten slots, a smaller set padded with its last member, so every set shares one statement and plan.</summary>
    public static IEnumerable<TypedParameter> StatusValues(ImportStatusSet statuses)
    {
        var members = statuses.Members.Select(s => (byte)s).ToArray();
        return Enumerable.Range(0, StatusSlots).Select(slot => TypedParameter.Byte(StatusParameter(slot), members[Math.Min(slot, members.Length - 1)]));
    }

    /// <summary>
    /// The page and the capped count, the count reading in the page's order so it stops where the page found its rows.
    /// A status filter has ten arms whatever the set (one text and plan per shape), arm n reading status n: a literal,
    /// since slots repeat a member and arms per slot would return rows twice. Its switch <c>n IN (@status_0, …)</c> names
    /// no column, so the optimizer makes it a start-up filter and an arm that is off is never opened. Each arm has its
    /// own TOP and ORDER BY: however the optimizer combines them, it reads at most take (count_cap) rows per arm.
    /// </summary>
    internal static (string Page, string Count) Seek(KeysetQueryShape shape)
    {
        var orderBy = shape.ReadsIdZones ? IdZones.OrderBy(shape) : shape.OrderBy();
        if (!shape.FiltersStatus)
        {
            var from = SeekFrom(shape, IndexFor(shape.SortKey), IdZones.Table);
            var where = And([Account(shape), .. shape.Residual().Select(bound => bound.Predicate), .. SeekRange(shape, status: null)]);
            return (
                Page(from, where, orderBy),
                $"SELECT COUNT(*) AS Remaining FROM (SELECT TOP (@{CountCap}) 1 AS x FROM {from} WHERE {where} ORDER BY {orderBy}) AS c;");
        }

        var arms = Enumerable.Range(0, ImportStatusSet.StatusCount)
            .Select(code => code.ToString(CultureInfo.InvariantCulture))
            .Select(code => (
                From: SeekFrom(shape, shape.StatusIndex(), IdZones.StatusTable),
                Where: And([Account(shape), $"status = {code} AND {code} IN ({StatusList})", .. SeekRange(shape, code), .. shape.Residual().Select(bound => bound.Predicate)])))
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

    /// <summary>A probed range's page and count, read through the filter column's own index (under the probe cap of rows).</summary>
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

    /// <summary>The count left-joined to the page, so an empty page still brings its count: one row whose other columns are NULL.</summary>
    internal static string Fold(KeysetQueryShape shape, (string Page, string Count) statements) => $"""
        SELECT r.Remaining, {string.Join(", ", ImportColumns.Aliases.Split(", ").Select(alias => "p." + alias))}
        FROM ({statements.Count.TrimEnd(';')}) AS r
        LEFT JOIN (
        {statements.Page.TrimEnd(';')}
        ) AS p ON 1 = 1
        ORDER BY {AliasOrderBy(shape, "p.")};
        """;

    /// <summary>With probed columns, <see cref="KeysetQueryShape.ChooseRange"/> in T-SQL before the folded statements.</summary>
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

    private static IEnumerable<string> SeekRange(KeysetQueryShape shape, string? status)
    {
        if (shape.ReadsIdZones)
        {
            return IdZones.Walk(shape, status, MarkId, Greatest, Least);
        }

        return
        [
            .. shape.SeekBounds(Greatest, Least, ZoneBound(shape, status)),
            .. shape.HasPosition ? [Position(shape, shape.ImpliedByPosition())] : Array.Empty<string>(),
        ];
    }

    /// <summary>
    /// The id zones' bound on a timestamp seek's starting side (ADR 0012): one aggregate of the zones meeting the window (a
    /// status arm's over the zones of its status), a subquery of the same statement, so it reads the statement's snapshot.
    /// </summary>
    private static string? ZoneBound(KeysetQueryShape shape, string? status)
    {
        if (shape.ZoneBoundedSide() is not { } lower)
        {
            return null;
        }

        var (zones, imports) = status is null
            ? (IdZones.Table, From(IndexFor(ImportSortKey.Id)))
            : (IdZones.StatusTable, From(KeysetQueryShape.StatusIndexFor(ImportSortKey.Id)));
        return IdZones.SortKeyExtreme(
            shape,
            lower,
            status,
            zone => $"dbo.{zones} AS {zone} WITH (FORCESEEK)",
            imports,
            static (a, b) => $"DATEDIFF_BIG(microsecond, {b}, {a})",
            Greatest,
            Least);
    }

    /// <summary>
    /// Imports alone, or walked through the id zones (ADR 0012): LOOP joins written in walk order (a join hint also fixes
    /// the join order), each zone level pinned to a seek of its clustered key, so the rows come in id order and TOP stops
    /// the walk.
    /// </summary>
    private static string SeekFrom(KeysetQueryShape shape, string index, string zones) => shape.ReadsIdZones
        ? $"dbo.{zones} AS {IdZones.Outer} WITH (FORCESEEK) "
          + $"INNER LOOP JOIN dbo.{zones} AS {IdZones.Inner} WITH (FORCESEEK) ON {IdZones.Inner}.account_id = {IdZones.Outer}.account_id "
          + $"INNER LOOP JOIN {From(index)} ON imports.account_id = {IdZones.Inner}.account_id"
        : From(index);

    /// <summary>The zones name an account too.</summary>
    private static string Account(KeysetQueryShape shape) => $"{(shape.ReadsIdZones ? "imports." : string.Empty)}account_id = @{AccountId}";

    /// <summary>
    /// A creation-order mark (ADR 0010) as an id: a pinned one-row seek of the marks inside the same statement, so marks
    /// and imports are read in one snapshot (under READ_COMMITTED_SNAPSHOT a batch's separate statements each read their
    /// own). The optimizer evaluates an uncorrelated scalar subquery once and seeks from its value. The timestamp bounds
    /// stay as residuals, so a loose mark only costs rows read.
    /// </summary>
    private static string MarkId(KeysetBound bound)
    {
        var (table, index, where, orderBy) = CreationOrderMarks.Lookup(bound);
        return $"(SELECT TOP (1) id FROM dbo.{table} WITH (INDEX ({index}), FORCESEEK) WHERE {where} ORDER BY {orderBy})";
    }

    /// <summary>
    /// No row values in T-SQL: the redundant inclusive range <c>created_at &lt;= @after_ts</c> is what the seek uses, the
    /// OR only settles ties at its edge. A bound the position implies joins that range as the nearer of the two (always
    /// the position), so the seek has one bound on that side to start from, never the filter's; <c>&lt;&gt;</c> keeps a
    /// strict bound exact.
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
