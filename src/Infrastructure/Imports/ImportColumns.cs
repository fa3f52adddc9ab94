using System.Globalization;
using System.Text;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// The whitelist from listing concepts to SQL text. Column names and operators reach a statement only
/// through these switches, never from a request.
/// </summary>
internal static class ImportColumns
{
    public static string SortColumn(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "id",
        ImportSortKey.CreatedAt => "created_at",
        ImportSortKey.UpdatedAt => "updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string Operator(BoundOperator op) => op switch
    {
        BoundOperator.LessThan => "<",
        BoundOperator.LessThanOrEqual => "<=",
        BoundOperator.GreaterThan => ">",
        BoundOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Past the position means smaller keys when descending, larger when ascending.</summary>
    public static string After(SortDirection direction) => direction == SortDirection.Descending ? "<" : ">";

    public static string Order(SortDirection direction) => direction == SortDirection.Descending ? "DESC" : "ASC";

    /// <summary>
    /// The timestamp bounds a shape uses, as <c> AND created_at &gt;= @created_lower</c> … — the same text in
    /// every dialect; only the predicates the request uses are written.
    /// </summary>
    public static void AppendBounds(StringBuilder sql, KeysetQueryShape shape)
    {
        ArgumentNullException.ThrowIfNull(sql);
        AppendBound(sql, "created_at", shape.CreatedLower, "@created_lower");
        AppendBound(sql, "created_at", shape.CreatedUpper, "@created_upper");
        AppendBound(sql, "updated_at", shape.UpdatedLower, "@updated_lower");
        AppendBound(sql, "updated_at", shape.UpdatedUpper, "@updated_upper");
    }

    private static void AppendBound(StringBuilder sql, string column, BoundOperator? op, string parameter)
    {
        if (op is { } o)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} {Operator(o)} {parameter}");
        }
    }
}
