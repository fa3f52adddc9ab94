namespace ImportsService.Api.Access;

/// <summary>The claims the Token scheme issues and the policy that reads them.</summary>
public static class AccessClaims
{
    public const string UserId = "user_id";
    public const string AccountId = "account_id";
    public const string Permission = "permission";

    /// <summary>The API release (YYYY-MM-DD) the caller's key is locked to, when the key records one.</summary>
    public const string ApiVersion = "api_version";

    /// <summary>The account's stored rate plan: its name, burst and window (all three, or none).</summary>
    public const string RatePlan = "rate_plan";

    public const string RatePermits = "rate_permits";

    public const string RateWindowSeconds = "rate_window_seconds";

    public const string ReadImportsPermission = "imports:read";

    /// <summary>The authorization policy of every imports endpoint.</summary>
    public const string ReadImportsPolicy = "ReadImports";
}
