namespace ImportsService.Domain.Imports;

/// <summary>One import as a listing shows it: the read model, not an aggregate (this service never writes imports).</summary>
public sealed record Import(
    long Id,
    string Type,
    ImportStatus Status,
    string FileName,
    long FileSize,
    string? Note,
    UtcTimestamp? CompletedAt,
    UtcTimestamp CreatedAt,
    UtcTimestamp UpdatedAt);
