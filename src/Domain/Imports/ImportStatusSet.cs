namespace ImportsService.Domain.Imports;

/// <summary>
/// A non-empty set of import statuses, held as a bit mask over the stored codes: two sets with the same members
/// are equal, whatever order they were named in.
/// </summary>
public readonly record struct ImportStatusSet
{
    /// <summary>How many statuses there are (stored codes 0 to 9).</summary>
    public const int StatusCount = 10;

    private const int AllBits = (1 << StatusCount) - 1;

    private ImportStatusSet(int mask) => Mask = mask;

    /// <summary>Every status in stored-code order, which is also the canonical order of a status list.</summary>
    public static IReadOnlyList<ImportStatus> AllStatuses { get; } = Enumerable.Range(0, StatusCount).Select(i => (ImportStatus)i).ToArray();

    /// <summary>Bit <c>n</c> is set when the status with stored code <c>n</c> is a member.</summary>
    public int Mask { get; }

    public IEnumerable<ImportStatus> Members
    {
        get
        {
            var mask = Mask;
            return AllStatuses.Where(s => (mask & (1 << (int)s)) != 0);
        }
    }

    public static bool IsDefined(ImportStatus status) => (int)status < StatusCount;

    public static ImportStatusSet FromMask(int mask) =>
        TryFromMask(mask, out var set)
            ? set
            : throw new ArgumentOutOfRangeException(nameof(mask), mask, "A status set has at least one member and only the ten known statuses.");

    public static bool TryFromMask(int mask, out ImportStatusSet set)
    {
        var valid = mask is > 0 and <= AllBits;
        set = valid ? new ImportStatusSet(mask) : default;
        return valid;
    }

    public bool Contains(ImportStatus status) => (Mask & (1 << (int)status)) != 0;
}
