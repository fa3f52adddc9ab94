using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// A row as the SQL Server statement returns it, in the column types (bigint, tinyint, datetime2 read as
/// a UTC DateTime of unspecified kind). Mapped to the domain record by hand, in one place.
/// </summary>
internal sealed record SqlServerImportRow(
    long Id,
    string Type,
    byte Status,
    string FileName,
    long FileSize,
    string? Note,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public Import ToRecord() => new(
        Id,
        Type,
        (ImportStatus)Status,
        FileName,
        FileSize,
        Note,
        CompletedAt is { } completed ? UtcTimestamp.FromDateTime(completed) : null,
        UtcTimestamp.FromDateTime(CreatedAt),
        UtcTimestamp.FromDateTime(UpdatedAt));
}
