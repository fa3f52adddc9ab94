using ImportsService.Domain.Access;
using Microsoft.Extensions.Options;

namespace ImportsService.Application.Access.ApiKeys;

/// <summary>
/// The configured peppers, read (and validated) the first time an issued key needs them: a caller with a
/// SHA-256 key (a demo key) never touches them. The host validates them at start-up anyway.
/// </summary>
public sealed class ApiKeyPeppers
{
    private readonly Lazy<IReadOnlyList<byte[]>> peppers;

    public ApiKeyPeppers(IOptions<ApiKeyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        peppers = new Lazy<IReadOnlyList<byte[]>>(() => options.Value.PepperBytes.ToArray());
    }

    /// <summary>Every pepper; the first hashes new keys.</summary>
    public IReadOnlyList<byte[]> All => peppers.Value;

    /// <summary>The hash a newly issued key is stored under.</summary>
    public byte[] HashNewKey(string apiKey) => ApiKeyHash.ComputePeppered(apiKey, All[0]);

    /// <summary>
    /// How to look <paramref name="apiKey"/> up: by SHA-256 when it is not in the issued format, by one HMAC per
    /// pepper when it is; null when it looks issued but is malformed (bad length, alphabet or checksum), or is
    /// issued and there are no peppers to check it with — either way no lookup is needed to say no.
    /// </summary>
    public static ApiKeyLookup? LookupFor(string apiKey, ApiKeyPeppers? peppers) => ApiKeyFormat.Classify(apiKey) switch
    {
        ApiKeyKind.Legacy => ApiKeyLookup.Sha256(apiKey),
        ApiKeyKind.Issued when peppers is not null => ApiKeyLookup.Peppered(apiKey, peppers.All),
        _ => null,
    };
}
