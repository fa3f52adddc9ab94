using System.Globalization;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Common.Limits;

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
/// The seam where a stored plan plugs in: the account table has no plan column yet, so the only
/// implementation knows none. When it gets one, implement this in Infrastructure (or move it to an
/// Application port) and register it in place of the default; its answer wins over configuration.
/// </summary>
public interface IStoredAccountRatePlans
{
    /// <summary>The account's plan, or null when it has none (configuration applies).</summary>
    ValueTask<AccountRatePlan?> FindAsync(long accountId, CancellationToken cancellationToken);
}

internal sealed class NoStoredAccountRatePlans : IStoredAccountRatePlans
{
    public ValueTask<AccountRatePlan?> FindAsync(long accountId, CancellationToken cancellationToken) => ValueTask.FromResult<AccountRatePlan?>(null);
}

/// <summary>An account's plan: the stored one, else <c>RateLimiting:Accounts:&lt;id&gt;</c>, else the section's defaults.</summary>
internal sealed class AccountRatePlans(IStoredAccountRatePlans stored, IOptions<RateLimitingOptions> options)
{
    internal const string OverridePolicyName = "account";

    public async ValueTask<AccountRatePlan> ResolveAsync(long accountId, CancellationToken cancellationToken)
    {
        if (await stored.FindAsync(accountId, cancellationToken) is { } plan && RateLimitingOptions.IsPolicyName(plan.Policy)
            && plan.PermitsPerWindow >= 1 && plan.WindowSeconds >= 1)
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
}
