using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using ImportsService.Domain.Access;

namespace ImportsService.Application.Access.ApiKeys;

/// <summary>
/// The format of the keys the service issues: <c>fleet_live_&lt;32 base62 characters&gt;_&lt;CRC-32 of everything before
/// the last underscore, 6 base62 characters&gt;</c>, 50 characters, about 190 random bits. The fixed prefix lets secret
/// scanners find a leaked key; the checksum lets them (and the service) tell a real one from a typo or a made-up one
/// without asking the database. In Application rather than Domain since the checksum is the framework's CRC-32
/// (System.IO.Hashing, a package) and the domain references nothing.
/// </summary>
public static class ApiKeyFormat
{
    public const string Prefix = "fleet_live_";

    public const int SecretLength = 32;

    public const int ChecksumLength = 6;

    /// <summary>Prefix, secret, separator, checksum.</summary>
    public const int Length = 11 + SecretLength + 1 + ChecksumLength;

    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    /// <summary>A new key from the operating system's cryptographic random number generator.</summary>
    public static string Generate()
    {
        var body = Prefix + RandomNumberGenerator.GetString(Alphabet, SecretLength);
        return body + "_" + Checksum(body);
    }

    public static ApiKeyKind Classify(string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (!apiKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return ApiKeyKind.Legacy;
        }

        if (apiKey.Length != Length || apiKey[^(ChecksumLength + 1)] != '_')
        {
            return ApiKeyKind.Malformed;
        }

        var body = apiKey.AsSpan(0, Length - ChecksumLength - 1);
        var checksum = apiKey.AsSpan(Length - ChecksumLength);
        return body[Prefix.Length..].ContainsAnyExcept(AlphabetValues) || !checksum.SequenceEqual(Checksum(body))
            ? ApiKeyKind.Malformed
            : ApiKeyKind.Issued;
    }

    /// <summary>
    /// The CRC-32 (IEEE 802.3, as zip and zlib compute it) of <paramref name="body"/>'s ASCII bytes, as 6 base62 digits
    /// (most significant first, zero-padded).
    /// </summary>
    public static string Checksum(ReadOnlySpan<char> body)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(body)];
        Encoding.ASCII.GetBytes(body, bytes);
        return Base62(Crc32.HashToUInt32(bytes), ChecksumLength);
    }

    private static string Base62(uint value, int width)
    {
        Span<char> digits = stackalloc char[width];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }

        return new string(digits);
    }
}
