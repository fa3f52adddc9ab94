using ImportsService.Domain.Access;

namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>The port Infrastructure implements: look up a key by its hash, with the caller's membership of one account.</summary>
public interface ICallerAccessReader
{
    /// <summary>Looks up a key stored as its plain SHA-256 (<see cref="ApiKeyHashScheme.Sha256"/>).</summary>
    /// <returns>Null when no active (unrevoked) key has this hash.</returns>
    Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken);

    /// <summary>
    /// Looks up a key stored under <see cref="ApiKeyLookup.Scheme"/> with any of <see cref="ApiKeyLookup.Hashes"/>
    /// (one per pepper). A store that knows only SHA-256 keys (this default) finds issued keys nowhere.
    /// </summary>
    /// <returns>Null when no active (unrevoked) key of that scheme has one of these hashes.</returns>
    Task<CallerAccessRow?> FindAsync(ApiKeyLookup lookup, string accountToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return lookup.Scheme == ApiKeyHashScheme.Sha256
            ? FindAsync(lookup.Hashes[0], accountToken, cancellationToken)
            : Task.FromResult<CallerAccessRow?>(null);
    }
}

/// <param name="StoredKeyHash">The hash as stored, compared again in constant time by the handler.</param>
/// <param name="AccountId">Null when the account token is unknown or the user is not a member.</param>
/// <param name="ApiVersion">The API release the key is locked to (stored with the key); null for a key stored without one.</param>
/// <param name="RatePlan">The named account's stored rate plan; null when it has none (configuration applies).</param>
public sealed record CallerAccessRow(long UserId, byte[] StoredKeyHash, long? AccountId, bool CanReadImports, DateOnly? ApiVersion = null, RatePlan? RatePlan = null);
