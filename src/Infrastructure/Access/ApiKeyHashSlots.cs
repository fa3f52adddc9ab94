using ImportsService.Domain.Access;

namespace ImportsService.Infrastructure.Access;

/// <summary>
/// A key lookup always sends <see cref="ApiKeyLookup.MaximumHashes"/> hash parameters, <c>@key_hash_0</c> …
/// <c>@key_hash_3</c>, padded by repeating the last hash, so every lookup (one pepper or four, SHA-256 or HMAC)
/// is one statement text and one plan: <c>key_hash IN (@key_hash_0, …)</c>, a few seeks on the unique index.
/// </summary>
internal static class ApiKeyHashSlots
{
    public const string SchemeParameter = "hash_scheme";

    public static int Count => ApiKeyLookup.MaximumHashes;

    public static string Name(int slot) => $"key_hash_{slot}";

    /// <summary><c>{column} IN (@key_hash_0, @key_hash_1, @key_hash_2, @key_hash_3)</c>.</summary>
    public static string InList(string column) =>
        $"{column} IN ({string.Join(", ", Enumerable.Range(0, Count).Select(slot => "@" + Name(slot)))})";

    /// <summary>The value of every slot: the lookup's hashes, the last repeated.</summary>
    public static IEnumerable<(string Name, byte[] Hash)> Values(ApiKeyLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return Enumerable.Range(0, Count).Select(slot => (Name(slot), lookup.Hashes[Math.Min(slot, lookup.Hashes.Count - 1)]));
    }
}
