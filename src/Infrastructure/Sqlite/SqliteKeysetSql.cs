using System.Globalization;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// The SQLite hooks of the keyset statements (<see cref="KeysetSql"/>). Every statement names its covering index
/// with INDEXED BY so the plan cannot drift to a sort or a scan (SQLite refuses the statement instead), and the
/// position is a row-value comparison <c>(created_at, id) &lt; (@after_ts, @after_id)</c>, which SQLite turns into
/// one index range. The status arms, one per included status, are one compound SELECT under one ORDER BY … LIMIT:
/// SQLite runs each arm as a co-routine reading its index range in sort order and merges them (<c>MERGE (UNION ALL)</c>),
/// pulling only as many rows from each as the LIMIT takes, so no arm needs a LIMIT of its own and nothing is sorted.
/// </summary>
internal sealed class SqliteKeysetSql : KeysetSql
{
    /// <summary>One parameter for any set of statuses: bit n of the mask admits status code n.</summary>
    public const string StatusMaskParameter = "status_mask";

    private SqliteKeysetSql()
    {
    }

    public static SqliteKeysetSql Instance { get; } = new();

    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "ix_imports_account_id",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public override string SortIndex(ImportSortKey key) => IndexFor(key);

    protected override string StatusPredicate => $"((@{StatusMaskParameter} >> status) & 1) = 1";

    /// <summary>The parameter carrying the <paramref name="arm"/>-th member of the status set (in code order).</summary>
    public static string StatusParameter(int arm) => "status_" + arm.ToString(CultureInfo.InvariantCulture);

    // SQLite prepares a statement's text on every request, and preparing ten arms costs more than reading a page: one
    // arm per included status, the status a parameter, one text per number of statuses (at most ten per shape).
    protected override int StatusArms(int statuses) => statuses is >= 1 and <= ImportStatusSet.StatusCount
        ? statuses
        : throw new ArgumentOutOfRangeException(nameof(statuses), statuses, "A status set has one to ten members.");

    protected override string StatusArm(int arm) => $"status = @{StatusParameter(arm)}";

    protected override string Source(string index) => $"imports INDEXED BY {index}";

    protected override string Top(string rows) => string.Empty;

    protected override string Limit(string rows) => $" LIMIT {rows}";

    // A unary + keeps a term from being used as an index bound (a documented SQLite idiom): the implied bound is
    // checked on the rows the position's range reads and can never become where that range starts.
    protected override string TimestampPosition(string column, string after, IReadOnlyList<KeysetPlan.ShapeBound> implied) =>
        $"({column}, id) {after} (@{ImportParameters.AfterTimestamp}, @{ImportParameters.AfterId})"
        + string.Concat(implied.Select(bound => $" AND +{column} {ImportColumns.Operator(bound.Operator)} @{bound.Slot.Parameter}"));

    protected override string Greatest(string first, string second) => $"max({first}, {second})";

    protected override string Least(string first, string second) => $"min({first}, {second})";

    // The probed range's page sorts keys, not rows: the range (at most the probe's cap of index entries) is read in the
    // page's direction, only (key, id) of each row that passes goes into the top-N sort, and the take rows it keeps are
    // then fetched by primary key and put back in order (a sort of at most take rows). Sorting whole rows cost about a
    // third more at the cap (docs/performance.md). Reading in the page's direction: ids, created_at and updated_at mostly
    // rise together, so the rows the page keeps come first and the top-N sort turns the rest away at a glance (2,000 rows
    // sorted by id desc: about 0.4 ms instead of 1.0–1.3 ms). LIMIT -1 (none) keeps SQLite from flattening the innermost
    // subquery and its order away.
    protected override string RangePage(KeysetQueryShape shape, string source, string where, string column)
    {
        var order = ImportColumns.Order(shape.Direction);
        var byId = shape.SortKey == ImportSortKey.Id;
        var keys = byId ? "id AS page_id" : $"{ImportColumns.SortColumn(shape.SortKey)} AS page_key, id AS page_id";
        var keyOrder = byId ? $"page_id {order}" : $"page_key {order}, page_id {order}";
        return $"""
            SELECT {ImportColumns.SelectList}
            FROM (SELECT * FROM (SELECT {keys} FROM {source} {where} ORDER BY {column} {order} LIMIT -1)
                  ORDER BY {keyOrder} LIMIT @{ImportParameters.Take}) AS page
            JOIN imports ON imports.id = page.page_id
            ORDER BY {keyOrder};
            """;
    }

    protected override string MergedPage(KeysetQueryShape shape, IReadOnlyList<Arm> arms) =>
        string.Join("\nUNION ALL\n", arms.Select(arm => $"SELECT {ImportColumns.SelectList}\nFROM {arm.Source}\nWHERE {arm.Where}"))
        + $"\nORDER BY {OrderBy(shape)} LIMIT @{ImportParameters.Take};";

    // Per-status capped counts, summed and capped: each arm reads in the page's order and stops at count_cap; the arms
    // run one after another (no merge: the count needs no order) until count_cap rows in all.
    protected override string MergedCount(KeysetQueryShape shape, IReadOnlyList<Arm> arms)
    {
        const string countCap = "@" + ImportParameters.CountCap;
        var capped = arms.Select(arm => $"SELECT 1 AS x FROM {arm.Source} WHERE {arm.Where} ORDER BY {OrderBy(shape)} LIMIT {countCap}").ToArray();
        return capped.Length == 1
            ? $"SELECT COUNT(*) AS Remaining FROM ({capped[0]}) AS c;"
            : $"SELECT COUNT(*) AS Remaining FROM ({string.Join(" UNION ALL ", capped.Select(arm => $"SELECT x FROM ({arm})"))} LIMIT {countCap}) AS c;";
    }
}
