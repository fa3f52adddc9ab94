using System.Security.Cryptography;
using System.Text;

namespace ImportsService.Domain.Access;

/// <summary>
/// API keys are stored as their SHA-256, never in plain text. Keys are long random secrets (not
/// passwords), so a fast unsalted hash is enough to make a stolen table useless and lets the store find
/// a key by its hash with an index.
/// </summary>
public static class ApiKeyHash
{
    public const int Length = 32;

    public static byte[] Compute(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>Constant-time comparison: the time taken does not tell how many bytes matched.</summary>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual) =>
        CryptographicOperations.FixedTimeEquals(expected, actual);
}
