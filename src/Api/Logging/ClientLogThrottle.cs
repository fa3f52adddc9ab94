using System.Collections.Concurrent;

namespace ImportsService.Api.Logging;

/// <summary>
/// At most one log line per key (a client address, or an address and a kind of line) per interval; the line admitted
/// after a quiet spell learns how many were held back meanwhile. One client cannot flood the log, and a flood from one
/// address does not silence another. Each user keeps its own instance.
/// </summary>
internal sealed class ClientLogThrottle(TimeProvider time)
{
    private const int MaxTrackedClients = 10_000;

    private readonly ConcurrentDictionary<string, ClientState> clients = new(StringComparer.Ordinal);

    /// <summary>True when a line for <paramref name="key"/> may be written now; <paramref name="suppressed"/> says how many were not since the previous one.</summary>
    public bool TryAdmit(string key, TimeSpan interval, out int suppressed)
    {
        var now = time.GetUtcNow();
        if (clients.Count >= MaxTrackedClients)
        {
            Forget(now - interval);
            if (clients.Count >= MaxTrackedClients)
            {
                // More keys within one interval than are tracked (a spread-out flood): start over rather than grow
                // without bound or scan a full map on every line. At worst each key gets one more line.
                clients.Clear();
            }
        }

        var state = clients.GetOrAdd(key, static _ => new ClientState());
        lock (state)
        {
            if (state.LastLogged is { } last && now - last < interval)
            {
                state.Suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = state.Suppressed;
            state.Suppressed = 0;
            state.LastLogged = now;
            return true;
        }
    }

    private void Forget(DateTimeOffset before)
    {
        foreach (var (key, state) in clients)
        {
            if (state.LastLogged < before)
            {
                clients.TryRemove(key, out _);
            }
        }
    }

    private sealed class ClientState
    {
        public DateTimeOffset? LastLogged { get; set; }

        public int Suppressed { get; set; }
    }
}
