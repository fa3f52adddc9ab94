using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports;

/// <summary>The wire names of <see cref="ImportStatus"/>, exactly as the API contract spells them.</summary>
public static class ImportStatusText
{
    private static readonly string[] Names =
    [
        "new", "queued", "processing", "partially_complete", "failed",
        "complete", "incomplete", "rolled_back", "rolling_back", "unsupported",
    ];

    /// <summary>Every wire name in stored-code order.</summary>
    public static IReadOnlyList<string> All { get; } = Names;

    /// <summary>The allowed names, comma-separated, for messages that tell a client what it may send.</summary>
    public static string AllowedList { get; } = string.Join(", ", Names);

    public static string ToText(this ImportStatus status) =>
        ImportStatusSet.IsDefined(status) ? Names[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Not an import status.");

    /// <summary>Parses a wire name (exact, lower case). An unknown name is a <c>false</c>, never an exception.</summary>
    public static bool TryParse(string? name, out ImportStatus status)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        status = index < 0 ? default : (ImportStatus)index;
        return index >= 0;
    }

    /// <summary>The canonical wire form of a set: members in stored-code order, comma-separated.</summary>
    public static string ToText(this ImportStatusSet statuses) => string.Join(',', statuses.Members.Select(s => s.ToText()));

    /// <summary>
    /// Parses a comma-separated list of wire names. Blanks around names, empty items and duplicates are ignored.
    /// Returns the names that are not statuses (empty on success).
    /// </summary>
    public static bool TryParseList(string? list, out ImportStatusSet set, out IReadOnlyList<string> unknownNames)
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
            if (TryParse(name, out var status))
            {
                mask |= 1 << (int)status;
            }
            else
            {
                unknown.Add(name);
            }
        }

        return unknown.Count == 0 && ImportStatusSet.TryFromMask(mask, out set);
    }
}
