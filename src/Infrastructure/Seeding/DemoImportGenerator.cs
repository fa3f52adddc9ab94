using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Seeding;

internal sealed record GeneratedImport(
    string Type,
    ImportStatus Status,
    string FileName,
    long FileSize,
    string? Note,
    UtcTimestamp? CompletedAt,
    UtcTimestamp CreatedAt,
    UtcTimestamp UpdatedAt);

/// <summary>
/// Deterministic demo imports, the same on every machine. Creation times walk forward with jitter, so id order and
/// created_at order differ locally, and every tenth row repeats the previous created_at, so the id tiebreaker matters.
/// </summary>
internal static class DemoImportGenerator
{
    private static readonly string[] Types = ["vehicles", "drivers", "fuel_transactions", "trips", "maintenance", "inspections"];

    private static readonly string[] Notes =
    [
        "Uploaded from the fleet portal", "Nightly sync", "Re-run after a failed upload", "Contains header row", "Manual correction",
    ];

    private static readonly DateTime DemoStart = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime DemoEnd = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static IEnumerable<GeneratedImport> DemoAccountImports() => Generate(DemoTenants.DemoImportCount, 1, DemoStart, DemoEnd);

    public static IEnumerable<GeneratedImport> OtherAccountImports() => Generate(DemoTenants.OtherImportCount, 2, DemoStart, DemoEnd);

    /// <summary>The seed follows from what is there already, so the same sequence of calls gives the same rows.</summary>
    public static IEnumerable<GeneratedImport> AdditionalImports(int count, long existing) =>
        Generate(count, seed: (int)(existing % int.MaxValue), DemoStart.AddYears(-2), DemoEnd.AddYears(1));

    public static IEnumerable<GeneratedImport> Generate(int count, int seed, DateTime startUtc, DateTime endUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var start = UtcTimestamp.FromDateTime(startUtc).UnixMicroseconds;
        var span = UtcTimestamp.FromDateTime(endUtc).UnixMicroseconds - start;
        var step = count == 0 ? 0 : span / count;
        var previousCreated = start;

        for (var i = 0; i < count; i++)
        {
            var jitter = step == 0 ? 0 : random.NextInt64(-step * 3, step * 3);
            var created = i % 10 == 9 ? previousCreated : Math.Max(start, start + (step * i) + jitter);

            // Microsecond digits are random so timestamps exercise the full stored precision.
            created += i % 10 == 9 ? 0 : random.Next(0, 1_000_000);
            previousCreated = created;

            var status = (ImportStatus)random.Next(0, 10);
            var updated = created + random.NextInt64(0, 3L * 24 * 3600 * 1_000_000);
            var finished = status is ImportStatus.Complete or ImportStatus.PartiallyComplete or ImportStatus.Failed
                or ImportStatus.Incomplete or ImportStatus.RolledBack or ImportStatus.Unsupported;
            var type = Types[random.Next(Types.Length)];

            yield return new GeneratedImport(
                type,
                status,
                $"{type}-{i + 1:D6}.csv",
                random.NextInt64(128, 50_000_000),
                random.Next(3) == 0 ? Notes[random.Next(Notes.Length)] : null,
                finished ? UtcTimestamp.FromUnixMicroseconds(updated) : null,
                UtcTimestamp.FromUnixMicroseconds(created),
                UtcTimestamp.FromUnixMicroseconds(updated));
        }
    }
}
