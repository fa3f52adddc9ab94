using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Limits;

/// <summary>
/// The <c>RateLimiting</c> configuration section: every limit and cap of the service.
/// <list type="bullet">
/// <item>A token bucket per account: <see cref="PermitsPerWindow"/> is the burst (the bucket's size) and the
/// bucket refills at <see cref="PermitsPerWindow"/> per <see cref="WindowSeconds"/> (the steady rate).
/// <see cref="Accounts"/> overrides both per account id.</item>
/// <item>A token bucket per client address that only failed authentications spend
/// (<see cref="PermitsPerClientPerWindow"/>, refilled over the same window).</item>
/// <item>In-flight caps: per account on the imports endpoints, and one for the whole instance with a short queue.</item>
/// </list>
/// <see cref="Enabled"/> false turns all of them off. Health endpoints are never limited.
/// </summary>
public sealed partial class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";
    public const string DefaultPolicyName = "default";

    public bool Enabled { get; set; } = true;

    /// <summary>The bucket's size per account (burst), and the number of permits it regains per window.</summary>
    public int PermitsPerWindow { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Failed authentications per client address (IPv6: per /64) the bucket holds; refilled over <see cref="WindowSeconds"/>.</summary>
    public int PermitsPerClientPerWindow { get; set; } = 3000;

    /// <summary>Per-account overrides, keyed by account id (<c>RateLimiting:Accounts:42:PermitsPerWindow</c>).</summary>
    public Dictionary<string, AccountRateLimitOptions> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests of one account in flight at once on the imports endpoints, per instance; more get a 429.</summary>
    public int MaxConcurrentRequestsPerAccount { get; set; } = 4;

    /// <summary>Requests in flight at once on this instance (health excluded).</summary>
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

    /// <summary>
    /// Two requests in flight per processor (at least 4): SQLite runs each statement synchronously on its thread,
    /// so more at once only time-slice the cores, and a short FIFO queue answers sooner than oversubscribed
    /// threads (docs/performance.md: the first page's p99 fell from 66 to 26 ms, 32 connections on 2 vCPUs).
    /// </summary>
    public static int DefaultMaxConcurrentRequests { get; } = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>Requests that wait for a slot when <see cref="MaxConcurrentRequests"/> are in flight; beyond them, 503 at once.</summary>
    public int MaxQueuedRequests { get; set; } = 64;

    /// <summary>How long a queued request waits for a slot before it is answered 503.</summary>
    public int QueueTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>The Retry-After of the in-flight caps' 429 and 503 answers.</summary>
    public int BusyRetryAfterSeconds { get; set; } = 1;

    /// <summary>Prefix of the limiter keys in Redis (when <c>ConnectionStrings:Redis</c> is set).</summary>
    public string RedisKeyPrefix { get; set; } = "imports";

    internal static bool IsPolicyName(string? name) => name is not null && PolicyNamePattern().IsMatch(name);

    internal IEnumerable<string> Problems()
    {
        if (PermitsPerWindow < 1 || WindowSeconds < 1 || PermitsPerClientPerWindow < 1)
        {
            yield return $"{SectionName}:PermitsPerWindow, :PermitsPerClientPerWindow and :WindowSeconds must be at least 1.";
        }

        if (MaxConcurrentRequestsPerAccount < 1 || MaxConcurrentRequests < 1 || MaxQueuedRequests < 0
            || QueueTimeoutMilliseconds < 0 || BusyRetryAfterSeconds < 1)
        {
            yield return $"{SectionName}:MaxConcurrentRequestsPerAccount, :MaxConcurrentRequests and :BusyRetryAfterSeconds must be at least 1; " +
                         ":MaxQueuedRequests and :QueueTimeoutMilliseconds at least 0.";
        }

        if (string.IsNullOrWhiteSpace(RedisKeyPrefix))
        {
            yield return $"{SectionName}:RedisKeyPrefix must not be empty.";
        }

        foreach (var (accountId, account) in Accounts)
        {
            if (!long.TryParse(accountId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                yield return $"{SectionName}:Accounts:{accountId} must be keyed by a numeric account id.";
            }

            if (account.PermitsPerWindow is < 1 || account.WindowSeconds is < 1)
            {
                yield return $"{SectionName}:Accounts:{accountId}:PermitsPerWindow and :WindowSeconds must be at least 1.";
            }

            if (account.Policy is not null && !IsPolicyName(account.Policy))
            {
                yield return $"{SectionName}:Accounts:{accountId}:Policy must be 1 to 64 letters, digits, '.', '_' or '-'.";
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyNamePattern();
}

/// <summary>One account's override of the bucket; unset values come from the section's defaults.</summary>
public sealed class AccountRateLimitOptions
{
    /// <summary>The policy name the RateLimit headers show; default "account".</summary>
    public string? Policy { get; set; }

    public int? PermitsPerWindow { get; set; }

    public int? WindowSeconds { get; set; }
}

internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
