using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// The keyset statements of one dialect. Each shape is one batch of two statements: the page (take rows in
/// sort order after the position) and the capped count from the same position. The count reads in the
/// page's own order: matches are dense where the page found its rows, while the other end of the index can
/// hold a long run that the filters reject. Only the predicates a request uses are written, so each shape has
/// its own text (and plan), built once and cached.
/// <para>
/// Everything that is the same in every dialect is written here once: the select list, the WHERE predicate
/// (account, status, timestamp bounds, position), the ORDER BY, the statement skeletons and the parameter
/// names. A dialect supplies only the hooks: what it reads from (<see cref="Source"/>), how it limits rows
/// (<see cref="Top"/> or <see cref="Limit"/>), how it filters a status set (<see cref="StatusPredicate"/>)
/// and how it writes "past the position" on a timestamp sort (<see cref="TimestampPosition"/>).
/// </para>
/// </summary>
internal abstract class KeysetSql
{
    private readonly ConcurrentDictionary<KeysetQueryShape, string> cache = new();

    /// <summary>The batch the reader sends: the page statement, then the count statement.</summary>
    public string For(KeysetQueryShape shape) => cache.GetOrAdd(shape, s => string.Join('\n', Statements(s)));

    /// <summary>The page statement and the count statement of a shape, each on its own (the plan tests examine each).</summary>
    public IReadOnlyList<string> Statements(KeysetQueryShape shape)
    {
        const string take = "@" + ImportParameters.Take;
        const string countCap = "@" + ImportParameters.CountCap;
        var source = Source(shape.SortKey);
        var where = Where(shape);
        var orderBy = OrderBy(shape);

        var page = $"""
            SELECT {Top(take)}{ImportColumns.SelectList}
            FROM {source}
            {where}
            ORDER BY {orderBy}{Limit(take)};
            """;
        var count = $"SELECT COUNT(*) AS Remaining FROM (SELECT {Top(countCap)}1 AS x FROM {source} {where} ORDER BY {orderBy}{Limit(countCap)}) AS c;";
        return [page, count];
    }

    /// <summary>The table the statements read, with whatever the dialect needs to pin the sort key's index.</summary>
    protected abstract string Source(ImportSortKey sortKey);

    /// <summary>What goes between SELECT and the columns to keep at most <paramref name="rows"/> rows (with a trailing space), or nothing.</summary>
    protected abstract string Top(string rows);

    /// <summary>What goes after ORDER BY to keep at most <paramref name="rows"/> rows (with a leading space), or nothing.</summary>
    protected abstract string Limit(string rows);

    /// <summary>The predicate that admits a row whose status is in the request's set, written as one text for any set.</summary>
    protected abstract string StatusPredicate { get; }

    /// <summary>
    /// The predicate "(<paramref name="column"/>, id) is past (@after_ts, @after_id)" in the sort's direction,
    /// <paramref name="after"/> being <c>&lt;</c> or <c>&gt;</c>, written so the index seek starts at the position.
    /// </summary>
    protected abstract string TimestampPosition(string column, string after);

    private static string OrderBy(KeysetQueryShape shape)
    {
        var order = ImportColumns.Order(shape.Direction);
        return shape.SortKey == ImportSortKey.Id ? $"id {order}" : $"{ImportColumns.SortColumn(shape.SortKey)} {order}, id {order}";
    }

    private string Where(KeysetQueryShape shape)
    {
        var sql = new StringBuilder($"WHERE account_id = @{ImportParameters.AccountId}");
        if (shape.FiltersStatus)
        {
            sql.Append(" AND ").Append(StatusPredicate);
        }

        foreach (var bound in KeysetBounds.All)
        {
            if (bound.Operator(shape) is { } op)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND {bound.Column} {ImportColumns.Operator(op)} @{bound.Parameter}");
            }
        }

        if (shape.HasPosition)
        {
            var after = ImportColumns.After(shape.Direction);
            sql.Append(" AND ").Append(shape.SortKey == ImportSortKey.Id
                ? $"id {after} @{ImportParameters.AfterId}"
                : TimestampPosition(ImportColumns.SortColumn(shape.SortKey), after));
        }

        return sql.ToString();
    }
}
