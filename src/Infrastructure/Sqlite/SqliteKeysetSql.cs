using System.Collections.Concurrent;
using System.Globalization;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Keyset;
using static ImportsService.Infrastructure.Keyset.KeysetArguments;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// The SQLite keyset statements (ADR 0002, ADR 0007), cached per shape and number of statuses as the commands a request
/// sends. Every read names its index with INDEXED BY: the plan cannot drift to a sort or a scan (SQLite refuses instead).
/// </summary>
internal static class SqliteKeysetSql
{
    /// <summary>A probed range's residual status check, one parameter for any set: bit n admits status code n.</summary>
    public const string StatusMask = "status_mask";

    private static readonly ConcurrentDictionary<(KeysetQueryShape Shape, int Statuses), Commands> Cache = new();

    public static Commands For(KeysetQueryShape shape, int statuses) =>
        Cache.GetOrAdd((shape, shape.FiltersStatus ? Arms(statuses) : 0), static key => new Commands(
            Probe(key.Shape),
            [.. key.Shape.ProbedColumns().Select(column => Joined(Range(key.Shape, column)))],
            ZoneBounds(key.Shape, key.Statuses),
            Joined(Seek(key.Shape, key.Statuses))));

    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "ix_imports_account_id",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string StatusParameter(int arm) => "status_" + arm.ToString(CultureInfo.InvariantCulture);

    /// <summary>The id zones' bound of the seek's arm <paramref name="arm"/> (arm 0 without a status filter), read before the seek.</summary>
    public static string ZoneBoundParameter(int arm) => "zone_bound_" + arm.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The page and the capped count, the count reading in the page's order so it stops where the page found its rows.
    /// A status filter has one arm per included status, the status a parameter: SQLite prepares the text on every
    /// request, and preparing ten arms cost more than reading a page (ADR 0007).
    /// </summary>
    internal static (string Page, string Count) Seek(KeysetQueryShape shape, int statuses)
    {
        var orderBy = shape.ReadsIdZones ? IdZones.OrderBy(shape) : shape.OrderBy();
        if (!shape.FiltersStatus)
        {
            var from = From(shape, IndexFor(shape.SortKey), IdZones.Table);
            var where = And([Account(shape), .. shape.Residual().Select(bound => bound.Predicate), .. SeekRange(shape, status: null, arm: 0)]);
            return (
                $"""
                SELECT {ImportColumns.SelectList}
                FROM {from}
                WHERE {where}
                ORDER BY {orderBy} LIMIT @{Take};
                """,
                $"SELECT COUNT(*) AS Remaining FROM (SELECT 1 AS x FROM {from} WHERE {where} ORDER BY {orderBy} LIMIT @{CountCap}) AS c;");
        }

        var arms = Enumerable.Range(0, Arms(statuses))
            .Select(arm => (
                From: From(shape, shape.StatusIndex(), IdZones.StatusTable),
                Where: And([Account(shape), $"status = @{StatusParameter(arm)}", .. SeekRange(shape, $"@{StatusParameter(arm)}", arm), .. shape.Residual().Select(bound => bound.Predicate)])))
            .ToArray();

        // Under one ORDER BY … LIMIT SQLite merges the arms' ranges in sort order (MERGE (UNION ALL)), pulling only what
        // the LIMIT takes, so no arm needs a LIMIT of its own (one per arm added a temporary B-tree each). A compound's
        // ORDER BY names its columns, so arms walking the zones carry their zone numbers, dropped around the merge.
        var zones = shape.ReadsIdZones ? $"{IdZones.Outer}.zone_no AS outer_zone_no, {IdZones.Inner}.zone_no AS inner_zone_no, " : string.Empty;
        var merged = string.Join("\nUNION ALL\n", arms.Select(arm => $"SELECT {zones}{ImportColumns.SelectList}\nFROM {arm.From}\nWHERE {arm.Where}"));
        var page = shape.ReadsIdZones
            ? $"SELECT {ImportColumns.Aliases} FROM (\n{merged}\nORDER BY outer_zone_no {shape.Order()}, inner_zone_no {shape.Order()}, Id {shape.Order()} LIMIT @{Take})\nORDER BY Id {shape.Order()};"
            : $"{merged}\nORDER BY {orderBy} LIMIT @{Take};";

        // Each arm capped, the arms one after another: the count needs no order, and a merge's per-row cost was most of its time.
        var capped = arms.Select(arm => $"SELECT 1 AS x FROM {arm.From} WHERE {arm.Where} ORDER BY {orderBy} LIMIT @{CountCap}").ToArray();
        var count = capped.Length == 1
            ? $"SELECT COUNT(*) AS Remaining FROM ({capped[0]}) AS c;"
            : $"SELECT COUNT(*) AS Remaining FROM ({string.Join(" UNION ALL ", capped.Select(arm => $"SELECT x FROM ({arm})"))} LIMIT @{CountCap}) AS c;";
        return (page, count);
    }

    /// <summary>One row: each probed column's range counted up to the probe cap on the column's own index.</summary>
    internal static string? Probe(KeysetQueryShape shape)
    {
        var columns = shape.ProbedColumns();
        return columns.Count == 0
            ? null
            : "SELECT " + string.Join(", ", columns.Select((column, i) =>
            {
                var where = And([$"account_id = @{AccountId}", .. shape.Bounds().Where(bound => bound.Column == column).Select(bound => bound.Predicate)]);
                var probe = $"(SELECT COUNT(*) FROM (SELECT 1 AS x FROM imports INDEXED BY {IndexFor(ImportColumns.SortKeyOf(column))} WHERE {where} LIMIT @{ProbeCap}) AS p)";
                return $"{probe} AS probe_{i.ToString(CultureInfo.InvariantCulture)}";
            })) + ";";
    }

    /// <summary>
    /// A probed range's page and count, read through the filter column's own index (under the probe cap of rows). The page
    /// top-N sorts only (key, id) and fetches the take rows it keeps by primary key: sorting whole rows cost a third more.
    /// It reads the range in the page's direction because ids and timestamps mostly rise together, so the kept rows come
    /// first (2,000 rows by id desc: 0.4 ms instead of 1.0–1.3 ms). <c>LIMIT -1</c> keeps SQLite from flattening the
    /// innermost subquery and its order away.
    /// </summary>
    internal static (string Page, string Count) Range(KeysetQueryShape shape, string column)
    {
        var from = $"imports INDEXED BY {IndexFor(ImportColumns.SortKeyOf(column))}";
        var where = And(
        [
            $"account_id = @{AccountId}",
            .. shape.FiltersStatus ? [$"((@{StatusMask} >> status) & 1) = 1"] : Array.Empty<string>(),
            .. shape.Bounds().Select(bound => bound.Predicate),
            .. shape.HasPosition ? [Position(shape, implied: null)] : Array.Empty<string>(),
        ]);
        var order = shape.Order();
        var (keys, keyOrder) = shape.SortKey == ImportSortKey.Id
            ? ("id AS page_id", $"page_id {order}")
            : ($"{shape.SortColumn()} AS page_key, id AS page_id", $"page_key {order}, page_id {order}");
        return (
            $"""
            SELECT {ImportColumns.SelectList}
            FROM (SELECT * FROM (SELECT {keys} FROM {from} WHERE {where} ORDER BY {column} {order} LIMIT -1)
                  ORDER BY {keyOrder} LIMIT @{Take}) AS page
            JOIN imports ON imports.id = page.page_id
            ORDER BY {keyOrder};
            """,
            $"SELECT COUNT(*) AS Remaining FROM (SELECT 1 AS x FROM {from} WHERE {where} LIMIT @{CountCap}) AS c;");
    }

    private static int Arms(int statuses) => statuses is >= 1 and <= ImportStatusSet.StatusCount
        ? statuses
        : throw new ArgumentOutOfRangeException(nameof(statuses), statuses, "A status set has one to ten members.");

    private static IEnumerable<string> SeekRange(KeysetQueryShape shape, string? status, int arm)
    {
        if (shape.ReadsIdZones)
        {
            return IdZones.Walk(shape, status, MarkId, static (a, b) => $"max({a}, {b})", static (a, b) => $"min({a}, {b})");
        }

        return
        [
            .. shape.SeekBounds(static (a, b) => $"max({a}, {b})", static (a, b) => $"min({a}, {b})", shape.ZoneBoundedSide() is null ? null : "@" + ZoneBoundParameter(arm)),
            .. shape.HasPosition ? [Position(shape, shape.ImpliedByPosition())] : Array.Empty<string>(),
        ];
    }

    /// <summary>
    /// One row: the id zones' bound of each arm of a timestamp seek the zones bound (ADR 0012), read once in the request's
    /// read transaction (the snapshot the seek reads) and passed to the page and the count as <see cref="ZoneBoundParameter"/>:
    /// SQLite prepares every statement on every request, and preparing and computing the bound in both cost more than the
    /// page itself. Null for any other shape.
    /// </summary>
    internal static string? ZoneBounds(KeysetQueryShape shape, int statuses)
    {
        if (shape.ZoneBoundedSide() is null)
        {
            return null;
        }

        var arms = shape.FiltersStatus ? Enumerable.Range(0, Arms(statuses)).Select(arm => (string?)$"@{StatusParameter(arm)}") : [null];
        return "SELECT " + string.Join(", ", arms.Select((status, arm) => $"{ZoneBound(shape, status)} AS {ZoneBoundParameter(arm)}")) + ";";
    }

    /// <summary>
    /// The id zones' bound on a timestamp seek's starting side (ADR 0012), one aggregate of the zones meeting the window,
    /// a status arm's over the zones of its status.
    /// </summary>
    private static string ZoneBound(KeysetQueryShape shape, string? status)
    {
        var lower = shape.ZoneBoundedSide() ?? throw new ArgumentException("The zones bound no side of this shape.", nameof(shape));

        var (zones, imports) = status is null
            ? (IdZones.Table, $"imports INDEXED BY {IndexFor(ImportSortKey.Id)}")
            : (IdZones.StatusTable, $"imports INDEXED BY {KeysetQueryShape.StatusIndexFor(ImportSortKey.Id)}");
        return IdZones.SortKeyExtreme(
            shape,
            lower,
            status,
            zone => $"{zones} AS {zone}",
            imports,
            static (a, b) => $"({a} - {b})",
            static (a, b) => $"max({a}, {b})",
            static (a, b) => $"min({a}, {b})");
    }

    /// <summary>Imports alone, or walked through the id zones (ADR 0012), each zone level one loop in the order written.</summary>
    private static string From(KeysetQueryShape shape, string index, string zones) => shape.ReadsIdZones
        ? $"{zones} AS {IdZones.Outer} CROSS JOIN {zones} AS {IdZones.Inner} CROSS JOIN imports INDEXED BY {index}"
        : $"imports INDEXED BY {index}";

    /// <summary>The zones name an account too.</summary>
    private static string Account(KeysetQueryShape shape) => $"{(shape.ReadsIdZones ? "imports." : string.Empty)}account_id = @{AccountId}";

    /// <summary>
    /// A creation-order mark (ADR 0010) as an id, one seek evaluated once per statement: the zone walk starts (and ends)
    /// there instead of at the account's newest (oldest) id. The timestamp bounds stay as residuals, so a loose mark only
    /// costs rows read.
    /// </summary>
    private static string MarkId(KeysetBound bound)
    {
        var (table, index, where, orderBy) = CreationOrderMarks.Lookup(bound);
        return $"(SELECT id FROM {table} INDEXED BY {index} WHERE {where} ORDER BY {orderBy} LIMIT 1)";
    }

    /// <summary>
    /// A row value, which SQLite turns into one index range. A unary + keeps a term from being used as an index bound (a
    /// documented SQLite idiom): the bound the position implies is checked, and can never become where the range starts.
    /// </summary>
    private static string Position(KeysetQueryShape shape, KeysetBound? implied)
    {
        var after = shape.After();
        if (shape.SortKey == ImportSortKey.Id)
        {
            return $"id {after} @{AfterId}";
        }

        var column = shape.SortColumn();
        return $"({column}, id) {after} (@{AfterTimestamp}, @{AfterId})"
               + (implied is null ? string.Empty : $" AND +{column} {implied.Comparison} {implied.Placeholder}");
    }

    private static string And(IEnumerable<string> predicates) => string.Join(" AND ", predicates);

    private static string Joined((string Page, string Count) statements) => statements.Page + "\n" + statements.Count;

    /// <summary>
    /// One command each: the probe, then the page and count of the range it chooses (ranges in probed-column order) or,
    /// after the zones' bounds where the shape has them, of the seek.
    /// </summary>
    internal sealed record Commands(string? Probe, IReadOnlyList<string> Ranges, string? ZoneBounds, string Seek);
}
