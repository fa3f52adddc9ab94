namespace ImportsService.Domain.Imports;

/// <summary>
/// A non-empty set of statuses, held as a bit mask over the stored codes. Order and duplicates of the
/// list it was parsed from do not matter: two sets with the same members are equal.
/// </summary>
public readonly record struct StatusSet
{
    private const int AllBits = (1 << 10) - 1;

    private StatusSet(int mask) => Mask = mask;

    /// <summary>Bit <c>n</c> is set when the status with stored code <c>n</c> is a member.</summary>
    public int Mask { get; }

    public static StatusSet Of(params ImportStatus[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        var mask = 0;
        foreach (var status in statuses)
        {
            mask |= 1 << (int)status;
        }

        return FromMask(mask);
    }

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
            return ImportStatusNames.All.Where(s => (mask & (1 << (int)s)) != 0);
        }
    }

    /// <summary>
    /// Parses a comma-separated list of wire names. Blanks around names, empty items and duplicates are ignored.
    /// Returns the names that are not statuses (empty on success).
    /// </summary>
    public static bool TryParse(string? list, out StatusSet set, out IReadOnlyList<string> unknownNames)
    {
        set = default;
        var unknown = new List<string>();
        unknownNames = unknown;
        if (string.IsNullOrWhiteSpace(list))
        {
            return false;
        }

        var mask = 0;
        // Blanks and empty items ("failed,,complete", a trailing comma) are ignored, like duplicates.
        foreach (var name in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ImportStatusNames.TryParse(name, out var status))
            {
                mask |= 1 << (int)status;
            }
            else
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0 || mask == 0)
        {
            return false;
        }

        set = new StatusSet(mask);
        return true;
    }

    /// <summary>The canonical wire form: members in stored-code order, comma-separated.</summary>
    public override string ToString() => string.Join(',', Members.Select(s => s.ToWireName()));
}
