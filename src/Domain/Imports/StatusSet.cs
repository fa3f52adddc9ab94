namespace ImportsService.Domain.Imports;

/// <summary>
/// A non-empty set of statuses, held as a bit mask over the stored codes: two sets with the same members
/// are equal, whatever order they were named in.
/// </summary>
public readonly record struct StatusSet
{
    private const int AllBits = (1 << ImportStatuses.Count) - 1;

    private StatusSet(int mask) => Mask = mask;

    /// <summary>Bit <c>n</c> is set when the status with stored code <c>n</c> is a member.</summary>
    public int Mask { get; }

    public static StatusSet FromMask(int mask) =>
        mask is > 0 and <= AllBits
            ? new StatusSet(mask)
            : throw new ArgumentOutOfRangeException(nameof(mask), mask, "A status set has at least one member and only the ten known statuses.");

    public static bool TryFromMask(int mask, out StatusSet set)
    {
        set = mask is > 0 and <= AllBits ? new StatusSet(mask) : default;
        return mask is > 0 and <= AllBits;
    }

    public bool Contains(ImportStatus status) => (Mask & (1 << (int)status)) != 0;

    public IEnumerable<ImportStatus> Members
    {
        get
        {
            var mask = Mask;
            return ImportStatuses.All.Where(s => (mask & (1 << (int)s)) != 0);
        }
    }
}
