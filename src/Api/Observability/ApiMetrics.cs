using System.Diagnostics.Metrics;
using ImportsService.Application.Common.Telemetry;

namespace ImportsService.Api.Observability;

/// <summary>
/// The service's own counters for what an operator most needs to see and the logs deliberately throttle. Every label
/// is a word from a fixed set in the code: never an account, token, key or client address.
/// </summary>
internal static class ApiMetrics
{
    public const string AccountRate = "account_rate";
    public const string AccountInFlight = "account_in_flight";
    public const string FailedAuthentications = "failed_authentications";

    private static readonly Meter Meter = new(ServiceTelemetry.Name);

    private static readonly Counter<long> RateLimitedCounter = Meter.CreateCounter<long>(
        "imports.rate_limited", unit: "{response}",
        description: "429 responses, by reason: account_rate (the account's token bucket), account_in_flight (its in-flight cap), failed_authentications (the client address's budget).");

    private static readonly Counter<long> QueryTooExpensiveCounter = Meter.CreateCounter<long>(
        "imports.query_too_expensive", unit: "{response}", description: "503 responses whose query ran past the database time budget and was stopped.");

    private static readonly Counter<long> InstanceBusyCounter = Meter.CreateCounter<long>(
        "imports.instance_busy", unit: "{response}", description: "503 responses of the instance's in-flight cap (no slot came free in time).");

    private static readonly Counter<long> RateLimiterFailOpenCounter = Meter.CreateCounter<long>(
        "imports.rate_limiter.fail_open", unit: "{request}", description: "Requests let through unlimited because Redis did not answer the rate limiter.");

    private static readonly Counter<long> AuthenticationFailuresCounter = Meter.CreateCounter<long>(
        "imports.authentication.failures", unit: "{failure}",
        description: "Failed authentications, by reason: malformed_authorization, missing_account_token, unknown_key, forbidden, too_many_failures.");

    public static void RateLimited(string reason) => RateLimitedCounter.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void QueryTooExpensive() => QueryTooExpensiveCounter.Add(1);

    public static void InstanceBusy() => InstanceBusyCounter.Add(1);

    public static void RateLimiterFailedOpen() => RateLimiterFailOpenCounter.Add(1);

    public static void AuthenticationFailed(string reason) => AuthenticationFailuresCounter.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
