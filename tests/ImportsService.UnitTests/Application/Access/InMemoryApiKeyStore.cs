using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Domain.Access;

namespace ImportsService.UnitTests.Application.Access;

/// <summary>
/// Accounts, keys and memberships in memory, behind every access port (create, revoke, look up) as the
/// database stores them: a hash with its scheme, never the key.
/// </summary>
internal sealed class InMemoryApiKeyStore : IApiKeyWriter, IApiKeyRevoker, ICallerAccessReader
{
    private readonly Dictionary<string, long> accounts = new(StringComparer.Ordinal);
    private readonly List<StoredKey> keys = [];

    /// <summary>Every lookup the store was asked, in order.</summary>
    public List<ApiKeyLookup> Lookups { get; } = [];

    public IReadOnlyList<StoredKey> Keys => keys;

    public long AddAccount(string token) => accounts[token] = accounts.Count + 1;

    /// <summary>A key stored as it was before peppered keys: its plain SHA-256.</summary>
    public long AddSha256Key(string apiKey, string accountToken, bool canRead = true) =>
        Add(new NewApiKey(accountToken, "legacy user", ApiKeyHash.Compute(apiKey), ApiKeyHashScheme.Sha256, canRead)).UserId;

    public Task<CreatedApiKeyRow?> CreateAsync(NewApiKey key, CancellationToken cancellationToken) =>
        Task.FromResult(accounts.ContainsKey(key.AccountToken) ? Add(key) : null);

    public Task<int> RevokeAsync(ApiKeyLookup lookup, CancellationToken cancellationToken) =>
        Task.FromResult(Revoke(k => k.Scheme == lookup.Scheme && lookup.Hashes.Any(h => h.AsSpan().SequenceEqual(k.Hash))));

    public Task<int> RevokeAsync(long keyId, CancellationToken cancellationToken) => Task.FromResult(Revoke(k => k.KeyId == keyId));

    public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken) =>
        FindAsync(ApiKeyLookup.FromHashes(ApiKeyHashScheme.Sha256, [apiKeyHash]), accountToken, cancellationToken);

    public Task<CallerAccessRow?> FindAsync(ApiKeyLookup lookup, string accountToken, CancellationToken cancellationToken)
    {
        Lookups.Add(lookup);
        var key = keys.FirstOrDefault(k => !k.Revoked && k.Scheme == lookup.Scheme && lookup.Hashes.Any(h => h.AsSpan().SequenceEqual(k.Hash)));
        if (key is null)
        {
            return Task.FromResult<CallerAccessRow?>(null);
        }

        var member = accounts.TryGetValue(accountToken, out var accountId) && accountId == key.AccountId;
        return Task.FromResult<CallerAccessRow?>(new CallerAccessRow(key.UserId, key.Hash, member ? accountId : null, member && key.CanReadImports));
    }

    private CreatedApiKeyRow Add(NewApiKey key)
    {
        var stored = new StoredKey(keys.Count + 1, keys.Count + 100, accounts[key.AccountToken], key.UserName, key.KeyHash.ToArray(), key.Scheme, key.CanReadImports);
        keys.Add(stored);
        return new CreatedApiKeyRow(stored.KeyId, stored.UserId, stored.AccountId);
    }

    private int Revoke(Func<StoredKey, bool> matches)
    {
        var revoked = 0;
        foreach (var key in keys.Where(k => !k.Revoked && matches(k)))
        {
            key.Revoked = true;
            revoked++;
        }

        return revoked;
    }

    internal sealed record StoredKey(long KeyId, long UserId, long AccountId, string UserName, byte[] Hash, ApiKeyHashScheme Scheme, bool CanReadImports)
    {
        public bool Revoked { get; set; }
    }
}
