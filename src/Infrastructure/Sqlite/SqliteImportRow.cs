using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>Timestamps as microseconds since the Unix epoch.</summary>
internal sealed record SqliteImportRow(
    long Id,
    string Type,
    long Status,
    string FileName,
    long FileSize,
    string? Note,
    long? CompletedAt,
    long CreatedAt,
    long UpdatedAt)
{
    public Import ToRecord() => new(
        Id,
        Type,
        (ImportStatus)Status,
        FileName,
        FileSize,
        Note,
        CompletedAt is { } completed ? UtcTimestamp.FromUnixMicroseconds(completed) : null,
        UtcTimestamp.FromUnixMicroseconds(CreatedAt),
        UtcTimestamp.FromUnixMicroseconds(UpdatedAt));
}
