namespace ImportsService.Api.Access;

/// <summary>The claims the Token scheme issues and the policy that reads them.</summary>
public static class AccessClaims
{
    public const string UserId = "user_id";
    public const string AccountId = "account_id";
    public const string Permission = "permission";

    public const string ReadImportsPermission = "imports:read";

    /// <summary>The authorization policy of every imports endpoint.</summary>
    public const string ReadImportsPolicy = "ReadImports";
}
