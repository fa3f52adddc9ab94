using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// The whitelist from listing concepts to SQL text, the same in every dialect. Column names and operators
/// reach a statement only through these members, never from a request.
/// </summary>
internal static class ImportColumns
{
    /// <summary>
    /// Every column of an import, each aliased to the property of the same name on the dialect's row record:
    /// the one select list of every statement that reads imports (page readers and import readers alike).
    /// </summary>
    public const string SelectList = """
        id AS Id, type AS Type, status AS Status, file_name AS FileName, file_size AS FileSize,
               note AS Note, completed_at AS CompletedAt, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    /// <summary>The aliases of <see cref="SelectList"/>, in its order: what a statement selecting from a derived table of it lists.</summary>
    public const string Aliases = "Id, Type, Status, FileName, FileSize, Note, CompletedAt, CreatedAt, UpdatedAt";

    /// <summary>The alias <see cref="SelectList"/> gives a sortable column.</summary>
    public static string AliasOf(string column) => column switch
    {
        "id" => "Id",
        "created_at" => "CreatedAt",
        "updated_at" => "UpdatedAt",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

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
}
