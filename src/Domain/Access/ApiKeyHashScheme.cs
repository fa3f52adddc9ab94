namespace ImportsService.Domain.Access;

/// <summary>How a stored key hash was computed; stored with each key (<c>api_keys.hash_scheme</c>).</summary>
public enum ApiKeyHashScheme
{
    /// <summary>SHA-256 of the key: every key stored before peppered keys existed, and the demo keys.</summary>
    Sha256 = 0,

    /// <summary>HMAC-SHA256 of the key under a server-side pepper (<c>ApiKeys:Pepper</c>): every key the service issues.</summary>
    HmacSha256 = 1,
}
