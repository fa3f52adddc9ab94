using System.Security.Cryptography;
using System.Text;

namespace ImportsService.Domain.Access;

/// <summary>
/// API keys are stored as a hash, never in plain text. Keys are long random secrets (not passwords), so a
/// fast hash is enough to make a stolen table useless and lets the store find a key by its hash with an
/// index. Issued keys are hashed with HMAC-SHA256 under a server-side pepper, so a stolen table cannot even
/// be used to test guesses without the pepper; keys from before that are plain SHA-256 (<see cref="ApiKeyHashScheme"/>).
/// </summary>
public static class ApiKeyHash
{
    public const int Length = 32;

    /// <summary>The <see cref="ApiKeyHashScheme.Sha256"/> hash.</summary>
    public static byte[] Compute(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>The <see cref="ApiKeyHashScheme.HmacSha256"/> hash: HMAC-SHA256 of the key's UTF-8 bytes keyed with <paramref name="pepper"/>.</summary>
    public static byte[] ComputePeppered(string apiKey, ReadOnlySpan<byte> pepper)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>Constant-time comparison: the time taken does not tell how many bytes matched.</summary>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        CryptographicOperations.FixedTimeEquals(expected, actual);
}
