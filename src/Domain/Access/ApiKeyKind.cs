namespace ImportsService.Domain.Access;

/// <summary>What a presented API key is, judged from its text alone.</summary>
public enum ApiKeyKind
{
    /// <summary>Not in the issued format: a key from before it (looked up as SHA-256), e.g. the demo keys.</summary>
    Legacy,

    /// <summary>An issued key: the prefix, the secret and a checksum that matches.</summary>
    Issued,

    /// <summary>Starts like an issued key but is not one (wrong length, alphabet or checksum): rejected without a lookup.</summary>
    Malformed,
}
