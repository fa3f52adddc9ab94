using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>In the column types; datetime2 arrives as a UTC DateTime of unspecified kind.</summary>
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
