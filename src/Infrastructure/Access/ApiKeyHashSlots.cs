using ImportsService.Domain.Access;

namespace ImportsService.Infrastructure.Access;

/// <summary>
/// A key lookup always sends <see cref="ApiKeyLookup.MaximumHashes"/> hash parameters, padded with the last hash, so
/// every lookup (one pepper or four) is one text and one plan: a few seeks on the unique index.
/// </summary>
internal static class ApiKeyHashSlots
{
    public const string SchemeParameter = "hash_scheme";

    public static int Count => ApiKeyLookup.MaximumHashes;

    public static string Name(int slot) => $"key_hash_{slot}";

    public static string InList(string column) =>
        $"{column} IN ({string.Join(", ", Enumerable.Range(0, Count).Select(slot => "@" + Name(slot)))})";

    public static IEnumerable<(string Name, byte[] Hash)> Values(ApiKeyLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return Enumerable.Range(0, Count).Select(slot => (Name(slot), lookup.Hashes[Math.Min(slot, lookup.Hashes.Count - 1)]));
    }
}
