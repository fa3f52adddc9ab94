using CsCheck;
using ImportsService.Domain.Imports;

namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// A change after the inserts, on any row (<see cref="Row"/> modulo the rows left): the import deleted, or its
/// timestamps moved to <see cref="A"/> and <see cref="B"/> (the earlier becomes created_at), as a correction would.
/// </summary>
internal readonly record struct ImportEdit(int Row, bool Delete, UtcTimestamp A, UtcTimestamp B)
{
    /// <summary>One edit in four a delete, the others corrections to instants drawn from <paramref name="instant"/>.</summary>
    public static Gen<ImportEdit> Any(Gen<UtcTimestamp> instant) =>
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 3], instant, instant, (row, kind, a, b) => new ImportEdit(row, kind == 0, a, b));
}
