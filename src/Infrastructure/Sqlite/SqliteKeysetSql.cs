using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// The SQLite keyset statements. Each shape is one batch of two statements: the page (take rows in sort
/// order after the position) and the capped count from the same position. Both run on the covering
/// index of the sort key, named with INDEXED BY so the plan cannot drift to a sort or a scan (SQLite
/// refuses the statement instead), and the position is a row-value comparison
/// <c>(created_at, id) &lt; (@after_ts, @after_id)</c>, which SQLite turns into one index range; the
/// equivalent OR form makes it scan.
/// </summary>
internal static class SqliteKeysetSql
{
    private static readonly ConcurrentDictionary<KeysetQueryShape, string> Cache = new();

    /// <summary>The batch the reader sends: the page statement, then the count statement.</summary>
    public static string For(KeysetQueryShape shape) => Cache.GetOrAdd(shape, s => string.Join('\n', Statements(s)));

    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "ix_imports_account_id",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>The page statement and the count statement of a shape, each on its own (the plan tests explain each).</summary>
    public static IReadOnlyList<string> Statements(KeysetQueryShape shape)
    {
        var from = $"FROM imports INDEXED BY {IndexFor(shape.SortKey)}";
        var where = Where(shape);
        var sortColumn = ImportColumns.SortColumn(shape.SortKey);
        var order = ImportColumns.Order(shape.Direction);
        var orderBy = shape.SortKey == ImportSortKey.Id ? $"id {order}" : $"{sortColumn} {order}, id {order}";

        var page = $"""
            SELECT id AS Id, type AS Type, status AS Status, file_name AS FileName, file_size AS FileSize,
                   note AS Note, completed_at AS CompletedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
            {from}
            {where}
            ORDER BY {orderBy}
            LIMIT @take;
            """;
        // The count walks the index in the page's own order: matches are dense where the page found its
        // rows, while the other end of the index can hold a long run that the filters reject.
        var count = $"SELECT COUNT(*) FROM (SELECT 1 {from} {where} ORDER BY {orderBy} LIMIT @count_cap);";
        return [page, count];
    }

    private static string Where(KeysetQueryShape shape)
    {
        var sql = new StringBuilder("WHERE account_id = @account_id");
        if (shape.FiltersStatus)
        {
            // One shape for any set of statuses: bit n of the mask admits status code n.
            sql.Append(" AND ((@status_mask >> status) & 1) = 1");
        }

        ImportColumns.AppendBounds(sql, shape);

        if (shape.HasPosition)
        {
            var after = ImportColumns.After(shape.Direction);
            sql.Append(shape.SortKey == ImportSortKey.Id
                ? $" AND id {after} @after_id"
                : $" AND ({ImportColumns.SortColumn(shape.SortKey)}, id) {after} (@after_ts, @after_id)");
        }

        return sql.ToString();
    }
}
