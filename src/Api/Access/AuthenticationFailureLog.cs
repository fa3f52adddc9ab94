using System.Collections.Concurrent;
using ImportsService.Api.Forwarding;
using ImportsService.Api.Logging;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Access;

/// <summary>
/// One Warning line per failed authentication, but at most one per client address per
/// <c>RequestLogging:AuthenticationFailureIntervalSeconds</c>: the next line after a quiet spell says how
/// many failures from that address were not logged meanwhile. A key guesser cannot flood the log.
/// </summary>
internal sealed partial class AuthenticationFailureLog(
    ILogger<AuthenticationFailureLog> logger,
    IOptions<RequestLoggingOptions> options,
    TimeProvider time)
{
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<string, ClientState> clients = new(StringComparer.Ordinal);

    public void Record(HttpContext context, string reason)
    {
        var interval = TimeSpan.FromSeconds(options.Value.AuthenticationFailureIntervalSeconds);
        var client = ClientAddress.PartitionKey(context);
        var now = time.GetUtcNow();
        if (clients.Count >= MaxTrackedClients)
        {
            Forget(now - interval);
            if (clients.Count >= MaxTrackedClients)
            {
                // More addresses failed within one interval than are tracked (a spread-out guessing run): start
                // over rather than grow without bound or scan a full map on every failure. At worst each address
                // gets one more line.
                clients.Clear();
            }
        }

        var state = clients.GetOrAdd(client, static _ => new ClientState());
        int suppressed;
        lock (state)
        {
            if (state.LastLogged is { } last && now - last < interval)
            {
                state.Suppressed++;
                return;
            }

            suppressed = state.Suppressed;
            state.Suppressed = 0;
            state.LastLogged = now;
        }

        LogFailure(logger, client, reason, suppressed, (int)interval.TotalSeconds);
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (client, state) in clients)
        {
            if (state.LastLogged < before)
            {
                clients.TryRemove(client, out _);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Authentication failed for client {ClientAddress}: {Reason} ({SuppressedCount} more failures from this client since its previous line were not logged; at most one line per {IntervalSeconds} s)")]
    private static partial void LogFailure(ILogger logger, string clientAddress, string reason, int suppressedCount, int intervalSeconds);

    private sealed class ClientState
    {
        public DateTimeOffset? LastLogged { get; set; }

        public int Suppressed { get; set; }
    }
}
