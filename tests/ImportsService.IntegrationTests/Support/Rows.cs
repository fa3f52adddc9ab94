using ImportsService.Domain.Imports;

namespace ImportsService.IntegrationTests.Support;

internal static class Rows
{
    public static readonly UtcTimestamp Epoch = UtcTimestamp.FromDateTime(new DateTime(2024, 11, 21, 10, 0, 0, DateTimeKind.Utc));

    public static UtcTimestamp At(long secondsAfterEpoch, int microseconds = 0) =>
        UtcTimestamp.FromUnixMicroseconds(Epoch.UnixMicroseconds + (secondsAfterEpoch * 1_000_000) + microseconds);

    /// <summary>
    /// <paramref name="count"/> rows cycling through every status, with created_at ties in threes and updated_at
    /// running the other way (newest id, oldest update), always at or after created_at as the schema requires.
    /// </summary>
    public static IReadOnlyList<NewImport> Sample(int count) =>
        Enumerable.Range(0, count)
            .Select(i => new NewImport(
                (ImportStatus)(i % 10),
                At(i / 3 * 60, 123_456),
                At((count * 30) - (i * 10), i % 7),
                Note: i % 4 == 0 ? null : $"note {i}",
                CompletedAt: i % 2 == 0 ? null : At(i * 60 + 5)))
            .ToArray();
}
