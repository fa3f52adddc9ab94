namespace ImportsService.Domain.Imports;

/// <summary>
/// The lifecycle state of an import. The numeric values are the stored codes: never renumber them.
/// </summary>
public enum ImportStatus : byte
{
    New = 0,
    Queued = 1,
    Processing = 2,
    PartiallyComplete = 3,
    Failed = 4,
    Complete = 5,
    Incomplete = 6,
    RolledBack = 7,
    RollingBack = 8,
    Unsupported = 9,
}

/// <summary>The wire names of <see cref="ImportStatus"/>, exactly as the API contract spells them.</summary>
public static class ImportStatusNames
{
    private static readonly string[] Names =
    [
        "new", "queued", "processing", "partially_complete", "failed",
        "complete", "incomplete", "rolled_back", "rolling_back", "unsupported",
    ];

    /// <summary>Every status in stored-code order, which is also the canonical order of a status list.</summary>
    public static IReadOnlyList<ImportStatus> All { get; } = Enumerable.Range(0, Names.Length).Select(i => (ImportStatus)i).ToArray();

    /// <summary>The allowed names, comma-separated, for messages that tell a client what it may send.</summary>
    public static string AllowedList { get; } = string.Join(", ", Names);

    public static string ToWireName(this ImportStatus status) =>
        IsDefined(status) ? Names[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Not an import status.");

    /// <summary>Parses a wire name (exact, lower case). An unknown name is a <c>false</c>, never an exception.</summary>
    public static bool TryParse(string? name, out ImportStatus status)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        status = index < 0 ? default : (ImportStatus)index;
        return index >= 0;
    }

    public static bool IsDefined(ImportStatus status) => (int)status < Names.Length;
}
