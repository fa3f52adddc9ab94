namespace ImportsService.Api.Access;

/// <summary>The claims the Token scheme issues and the policy that reads them.</summary>
public static class AccessClaims
{
    public const string UserId = "user_id";
    public const string AccountId = "account_id";
    public const string Permission = "permission";

    /// <summary>The API release (YYYY-MM-DD) the caller's key is locked to, when the key records one.</summary>
    public const string ApiVersion = "api_version";

    public const string ReadImportsPermission = "imports:read";

    /// <summary>The authorization policy of every imports endpoint.</summary>
    public const string ReadImportsPolicy = "ReadImports";
}
