namespace ImportsService.Domain.Access;

/// <summary>
/// How to find a presented key in the store: the scheme its row must carry and the hashes it may be stored
/// under — one for a SHA-256 key, one per configured pepper for an issued key (the store matches any of them,
/// so rotating the pepper keeps older keys working).
/// </summary>
public sealed class ApiKeyLookup
{
    /// <summary>The most hashes one lookup carries: the most peppers that may be configured at once.</summary>
    public const int MaximumHashes = 4;

    private ApiKeyLookup(ApiKeyHashScheme scheme, IReadOnlyList<byte[]> hashes)
    {
        Scheme = scheme;
        Hashes = hashes;
    }

    public ApiKeyHashScheme Scheme { get; }

    /// <summary>Between 1 and <see cref="MaximumHashes"/> hashes of <see cref="ApiKeyHash.Length"/> bytes.</summary>
    public IReadOnlyList<byte[]> Hashes { get; }

    /// <summary>The lookup of a key stored as its plain SHA-256.</summary>
    public static ApiKeyLookup Sha256(string apiKey) => new(ApiKeyHashScheme.Sha256, [ApiKeyHash.Compute(apiKey)]);

    /// <summary>The lookup of an issued key: its HMAC under each pepper, in the peppers' order.</summary>
    public static ApiKeyLookup Peppered(string apiKey, IReadOnlyList<byte[]> peppers)
    {
        ArgumentNullException.ThrowIfNull(peppers);
        return FromHashes(ApiKeyHashScheme.HmacSha256, peppers.Select(pepper => ApiKeyHash.ComputePeppered(apiKey, pepper)).ToArray());
    }

    /// <summary>A lookup of hashes computed elsewhere.</summary>
    public static ApiKeyLookup FromHashes(ApiKeyHashScheme scheme, IReadOnlyList<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count is < 1 or > MaximumHashes || hashes.Any(h => h is null || h.Length != ApiKeyHash.Length))
        {
            throw new ArgumentException($"A lookup carries 1 to {MaximumHashes} hashes of {ApiKeyHash.Length} bytes.", nameof(hashes));
        }

        return new ApiKeyLookup(scheme, hashes.Select(h => h.ToArray()).ToArray());
    }

    /// <summary>
    /// Whether <paramref name="stored"/> equals one of the hashes. Every hash is compared, each in constant time,
    /// so the time taken tells neither which pepper matched nor how many bytes did.
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> stored)
    {
        var matched = false;
        foreach (var hash in Hashes)
        {
            matched |= ApiKeyHash.Matches(hash, stored);
        }

        return matched;
    }
}
