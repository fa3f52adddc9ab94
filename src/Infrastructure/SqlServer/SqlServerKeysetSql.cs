using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// The SQL Server keyset statements. Each shape is one batch of two statements: the page (TOP take rows in
/// sort order after the position) and the capped count from the same position. SQL Server has no row-value
/// comparison, so the position is written in the seekable form
/// <c>created_at &lt;= @after_ts AND (created_at &lt; @after_ts OR id &lt; @after_id)</c>: the first
/// conjunct is a range on the index key the seek starts from, the OR only decides the tie at its edge.
/// Only the predicates a request uses are written, so each shape gets its own plan (ADR 0003).
/// </summary>
internal static class SqlServerKeysetSql
{
    /// <summary>The status filter always has this many parameters; a smaller set repeats a member.</summary>
    public const int StatusSlots = 10;

    private static readonly ConcurrentDictionary<KeysetQueryShape, string> Cache = new();

    /// <summary>The batch the reader sends: the page statement, then the count statement.</summary>
    public static string For(KeysetQueryShape shape) => Cache.GetOrAdd(shape, s => string.Join('\n', Statements(s)));

    public static string StatusParameter(int slot) => $"status_{slot}";

    /// <summary>The page statement and the count statement of a shape, each on its own.</summary>
    public static IReadOnlyList<string> Statements(KeysetQueryShape shape)
    {
        var where = Where(shape);
        var order = ImportColumns.Order(shape.Direction);
        var orderBy = shape.SortKey == ImportSortKey.Id ? $"id {order}" : $"{ImportColumns.SortColumn(shape.SortKey)} {order}, id {order}";

        var page = $"""
            SELECT TOP (@take) id AS Id, type AS Type, status AS Status, file_name AS FileName, file_size AS FileSize,
                   note AS Note, completed_at AS CompletedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
            FROM dbo.imports
            {where}
            ORDER BY {orderBy};
            """;
        // The count reads the index in the page's own order: matches are dense where the page found its rows,
        // while the other end of the index can hold a long run that the filters reject.
        var count = $"SELECT COUNT(*) AS Remaining FROM (SELECT TOP (@count_cap) 1 AS x FROM dbo.imports {where} ORDER BY {orderBy}) AS c;";
        return [page, count];
    }

    private static string Where(KeysetQueryShape shape)
    {
        var sql = new StringBuilder("WHERE account_id = @account_id");
        if (shape.FiltersStatus)
        {
            sql.Append(" AND status IN (")
               .AppendJoin(", ", Enumerable.Range(0, StatusSlots).Select(i => "@" + StatusParameter(i)))
               .Append(')');
        }

        ImportColumns.AppendBounds(sql, shape);

        if (shape.HasPosition)
        {
            var after = ImportColumns.After(shape.Direction);
            if (shape.SortKey == ImportSortKey.Id)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND id {after} @after_id");
            }
            else
            {
                // The redundant inclusive range is what the seek uses; the OR settles ties on the timestamp by id.
                var column = ImportColumns.SortColumn(shape.SortKey);
                sql.Append(CultureInfo.InvariantCulture, $" AND {column} {after}= @after_ts AND ({column} {after} @after_ts OR id {after} @after_id)");
            }
        }

        return sql.ToString();
    }
}
