using ImportsService.Domain.Imports;

namespace ImportsService.IntegrationTests.Support;

/// <summary>An import a test inserts; the database gives it its id.</summary>
internal sealed record NewImport(
    ImportStatus Status,
    UtcTimestamp CreatedAt,
    UtcTimestamp UpdatedAt,
    string Type = "vehicles",
    string FileName = "vehicles.csv",
    long FileSize = 20_480,
    string? Note = null,
    UtcTimestamp? CompletedAt = null)
{
    public Import WithId(long id) => new(id, Type, Status, FileName, FileSize, Note, CompletedAt, CreatedAt, UpdatedAt);
}
