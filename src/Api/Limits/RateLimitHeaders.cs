using System.Globalization;

namespace ImportsService.Api.Limits;

/// <summary>
/// The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers, structured-field form):
/// <c>RateLimit-Policy: "default";q=600;w=60</c> — the policy's name, its quota and window in seconds; and
/// <c>RateLimit: "default";r=599;t=1</c> — the quota units left and the seconds until the bucket is full again.
/// Policy names are restricted to letters, digits, '.', '_' and '-', so they need no escaping.
/// </summary>
internal static class RateLimitHeaders
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string RateLimitHeader = "RateLimit";

    public static string Policy(AccountRatePlan plan) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{plan.Policy}\";q={plan.PermitsPerWindow};w={plan.WindowSeconds}");

    public static string RateLimit(AccountRatePlan plan, long remaining) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{plan.Policy}\";r={Math.Max(0, remaining)};t={plan.Shape.SecondsUntilFull(remaining)}");
}
