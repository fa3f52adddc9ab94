using System.Globalization;
using System.Security.Claims;
using ImportsService.Api.Access;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Limits;

/// <summary>
/// One account's request budget: a token bucket that holds <see cref="PermitsPerWindow"/> permits (the
/// burst) and regains that many every <see cref="WindowSeconds"/> (the steady rate). <see cref="Policy"/> is
/// the name the <c>RateLimit-Policy</c> and <c>RateLimit</c> headers show.
/// </summary>
public sealed record AccountRatePlan(string Policy, int PermitsPerWindow, int WindowSeconds)
{
    internal TokenBucketShape Shape => new(PermitsPerWindow, WindowSeconds);
}

/// <summary>
/// An account's plan: the one stored with the account (it arrives with the caller, as claims, from the same
/// look-up that authenticated the request: no extra database work), else <c>RateLimiting:Accounts:&lt;id&gt;</c>,
/// else the section's defaults.
/// </summary>
internal sealed class AccountRatePlans(IOptions<RateLimitingOptions> options)
{
    internal const string OverridePolicyName = "account";

    public AccountRatePlan Resolve(long accountId, ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Stored(caller) is { } plan)
        {
            return plan;
        }

        var limits = options.Value;
        if (limits.Accounts.TryGetValue(accountId.ToString(CultureInfo.InvariantCulture), out var account))
        {
            return new AccountRatePlan(
                account.Policy ?? OverridePolicyName,
                account.PermitsPerWindow ?? limits.PermitsPerWindow,
                account.WindowSeconds ?? limits.WindowSeconds);
        }

        return new AccountRatePlan(RateLimitingOptions.DefaultPolicyName, limits.PermitsPerWindow, limits.WindowSeconds);
    }

    /// <summary>The stored plan the Token scheme put into the claims, when it is complete and its name can be a header value.</summary>
    private static AccountRatePlan? Stored(ClaimsPrincipal caller) =>
        caller.FindFirst(AccessClaims.RatePlan)?.Value is { } name && RateLimitingOptions.IsPolicyName(name)
        && int.TryParse(caller.FindFirst(AccessClaims.RatePermits)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var permits) && permits >= 1
        && int.TryParse(caller.FindFirst(AccessClaims.RateWindowSeconds)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var window) && window >= 1
            ? new AccountRatePlan(name, permits, window)
            : null;
}
