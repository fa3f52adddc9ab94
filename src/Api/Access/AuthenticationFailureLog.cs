using System.Collections.Concurrent;
using ImportsService.Api.Forwarding;
using ImportsService.Api.Logging;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Access;

/// <summary>
/// One Warning line per failed authentication, but at most one per client address per
/// <c>RequestLogging:AuthenticationFailureIntervalSeconds</c>: the next line after a quiet spell says how
/// many failures from that address were not logged meanwhile (<see cref="ClientLogThrottle"/>). A key guesser cannot flood the log.
/// </summary>
internal sealed partial class AuthenticationFailureLog(
    ILogger<AuthenticationFailureLog> logger,
    IOptions<RequestLoggingOptions> options,
    TimeProvider time)
{
    private readonly ClientLogThrottle throttle = new(time);

    public void Record(HttpContext context, string reason)
    {
        var interval = TimeSpan.FromSeconds(options.Value.AuthenticationFailureIntervalSeconds);
        var client = ClientAddress.PartitionKey(context);
        if (throttle.TryAdmit(client, interval, out var suppressed))
        {
            LogFailure(logger, client, reason, suppressed, (int)interval.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Authentication failed for client {ClientAddress}: {Reason} ({SuppressedCount} more failures from this client since its previous line were not logged; at most one line per {IntervalSeconds} s)")]
    private static partial void LogFailure(ILogger logger, string clientAddress, string reason, int suppressedCount, int intervalSeconds);
}
