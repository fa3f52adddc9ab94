using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MediatR;
using Microsoft.Extensions.Options;

namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>
/// Reuses the answer to <see cref="ResolveCallerQuery"/> for a short time (<see cref="CallerCacheOptions"/>),
/// so a client making many requests with one key costs one database look-up per TTL, not one per request.
/// Entries are keyed by a SHA-256 of the key and the account token: no API key is held in memory as text.
/// Only answers for a real key are kept (may read, or forbidden): an unknown key is never cached, so a flood
/// of guesses cannot crowd out the callers that are real. Bounded: a full cache drops expired entries and,
/// if still full, keeps what it has and answers the newcomer from the database until room frees up.
/// An expired entry is no longer an answer, but until room is needed it still says the pair once resolved
/// (<see cref="IKnownCallers"/>); a pair that no longer resolves is forgotten at once.
/// </summary>
internal sealed class CallerResolutionCache(IOptions<CallerCacheOptions> options, TimeProvider time)
    : IPipelineBehavior<ResolveCallerQuery, CallerResolution>, IKnownCallers
{
    private readonly ConcurrentDictionary<string, (CallerResolution Resolution, long ExpiresAt)> entries = new(StringComparer.Ordinal);

    public async Task<CallerResolution> Handle(ResolveCallerQuery request, CancellationToken cancellationToken, RequestHandlerDelegate<CallerResolution> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        var settings = options.Value;
        if (settings.Seconds <= 0)
        {
            return await next();
        }

        var key = KeyOf(request);
        var now = time.GetTimestamp();
        if (entries.TryGetValue(key, out var entry) && now < entry.ExpiresAt)
        {
            return entry.Resolution;
        }

        var resolution = await next();
        if (resolution.Standing == CallerStanding.Unauthenticated)
        {
            entries.TryRemove(key, out _); // a revoked key stops being known, too
            return resolution;
        }

        if (entries.Count >= settings.Capacity)
        {
            foreach (var expired in entries.Where(e => now >= e.Value.ExpiresAt).Select(e => e.Key).ToArray())
            {
                entries.TryRemove(expired, out _);
            }

            if (entries.Count >= settings.Capacity)
            {
                return resolution;
            }
        }

        entries[key] = (resolution, now + (settings.Seconds * time.TimestampFrequency));
        return resolution;
    }

    /// <summary>True when the pair resolved to a caller who may read imports and is still remembered, expired or not.</summary>
    public bool IsKnown(string apiKey, string accountToken) =>
        options.Value.Seconds > 0
        && entries.TryGetValue(KeyOf(new ResolveCallerQuery(apiKey, accountToken)), out var entry)
        && entry.Resolution.Standing == CallerStanding.MayReadImports;

    private static string KeyOf(ResolveCallerQuery request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ApiKey + "\n" + request.AccountToken)));
}
