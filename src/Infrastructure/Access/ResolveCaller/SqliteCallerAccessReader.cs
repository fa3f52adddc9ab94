using System.Data;
using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Access;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Access.ResolveCaller;

internal sealed class SqliteCallerAccessReader(SqliteConnectionFactory connections, IOptions<DatabaseOptions> options) : ICallerAccessReader
{
    /// <summary>A key stored as its SHA-256 (the demo keys, keys from before peppered keys).</summary>
    internal static readonly string Sql = Lookup("k.key_hash = @key_hash", ApiKeyHashScheme.Sha256);

    /// <summary>An issued key: its HMAC under any configured pepper.</summary>
    internal static readonly string PepperedSql = Lookup(ApiKeyHashSlots.InList("k.key_hash"), ApiKeyHashScheme.HmacSha256);

    public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("key_hash", apiKeyHash, DbType.Binary);
        return FindAsync(Sql, parameters, accountToken, cancellationToken);
    }

    public Task<CallerAccessRow?> FindAsync(ApiKeyLookup lookup, string accountToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (lookup.Scheme == ApiKeyHashScheme.Sha256)
        {
            return FindAsync(lookup.Hashes[0], accountToken, cancellationToken);
        }

        var parameters = new DynamicParameters();
        foreach (var (name, hash) in ApiKeyHashSlots.Values(lookup))
        {
            parameters.Add(name, hash, DbType.Binary);
        }

        return FindAsync(PepperedSql, parameters, accountToken, cancellationToken);
    }

    // The key and, left-joined, the caller's membership in one round trip. The scheme is a literal: one text per scheme.
    private static string Lookup(string keyPredicate, ApiKeyHashScheme scheme) => $"""
        SELECT k.user_id AS UserId, k.key_hash AS StoredKeyHash, m.account_id AS AccountId,
               COALESCE(m.can_read_imports, 0) AS CanReadImports, k.api_version AS ApiVersion,
               a.rate_plan AS RatePlan, a.rate_permits AS RatePermits, a.rate_window_seconds AS RateWindowSeconds
        FROM api_keys k
        LEFT JOIN accounts a ON a.token = @account_token
        LEFT JOIN memberships m ON m.account_id = a.id AND m.user_id = k.user_id
        WHERE {keyPredicate} AND k.hash_scheme = {(int)scheme} AND k.revoked_at IS NULL
        LIMIT 1;
        """;

    private Task<CallerAccessRow?> FindAsync(string sql, DynamicParameters parameters, string accountToken, CancellationToken cancellationToken)
    {
        parameters.Add("account_token", accountToken, DbType.String);
        return connections.RunAsync(
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(
                    new CommandDefinition(sql, parameters, commandTimeout: options.Value.CommandTimeoutSeconds, cancellationToken: cancellationToken));
                return row is null ? null : new CallerAccessRow(
                    row.UserId, row.StoredKeyHash, row.AccountId, row.CanReadImports != 0, ApiVersionOf(row.ApiVersion),
                    RatePlan.FromStored(row.RatePlan, row.RatePermits, row.RateWindowSeconds));
            },
            cancellationToken);
    }

    /// <summary>The column's CHECK guarantees 'YYYY-MM-DD'.</summary>
    private static DateOnly? ApiVersionOf(string? stored) =>
        stored is null ? null : DateOnly.ParseExact(stored, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Row(
        long UserId, byte[] StoredKeyHash, long? AccountId, long CanReadImports, string? ApiVersion,
        string? RatePlan, long? RatePermits, long? RateWindowSeconds);
}
