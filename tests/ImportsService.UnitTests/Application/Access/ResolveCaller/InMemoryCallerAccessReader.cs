using ImportsService.Application.Access.ResolveCaller;

namespace ImportsService.UnitTests.Application.Access.ResolveCaller;

/// <summary>Keys and memberships held in memory; finds a row by key hash and account token, as the store does.</summary>
internal sealed class InMemoryCallerAccessReader : ICallerAccessReader
{
    private readonly Dictionary<(string Hash, string AccountToken), CallerAccessRow> rows = [];

    public List<(byte[] Hash, string AccountToken)> Lookups { get; } = [];

    /// <summary>Simulates a store that answers a lookup with a row whose stored hash is not the one asked for.</summary>
    public CallerAccessRow? AnswerEveryLookupWith { get; set; }

    public void Add(byte[] keyHash, string accountToken, CallerAccessRow row) => rows[(Convert.ToHexString(keyHash), accountToken)] = row;

    /// <summary>Revokes (deletes) a key: every row found by its hash.</summary>
    public void Remove(byte[] keyHash)
    {
        foreach (var key in rows.Keys.Where(k => k.Hash == Convert.ToHexString(keyHash)).ToArray())
        {
            rows.Remove(key);
        }
    }

    public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken)
    {
        Lookups.Add((apiKeyHash, accountToken));
        return Task.FromResult(AnswerEveryLookupWith ?? rows.GetValueOrDefault((Convert.ToHexString(apiKeyHash), accountToken)));
    }
}
