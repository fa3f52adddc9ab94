using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>The columns of an import as every statement that reads imports names them; column names reach SQL only from here, never from a request.</summary>
internal static class ImportColumns
{
    /// <summary>Every column, each aliased to the property of the same name on the dialect's row record.</summary>
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

    /// <summary>The sort key whose index a timestamp column leads.</summary>
    public static ImportSortKey SortKeyOf(string column) => column switch
    {
        "created_at" => ImportSortKey.CreatedAt,
        "updated_at" => ImportSortKey.UpdatedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };
}
