namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>The port Infrastructure implements: look up a key by its hash, with the caller's membership of one account.</summary>
public interface ICallerAccessReader
{
    /// <returns>Null when no active (unrevoked) key has this hash.</returns>
    Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken);
}

/// <param name="StoredKeyHash">The hash as stored, compared again in constant time by the handler.</param>
/// <param name="AccountId">Null when the account token is unknown or the user is not a member.</param>
/// <param name="ApiVersion">The API release the key is locked to (stored with the key); null for a key stored without one.</param>
public sealed record CallerAccessRow(long UserId, byte[] StoredKeyHash, long? AccountId, bool CanReadImports, DateOnly? ApiVersion = null);
