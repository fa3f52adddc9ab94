using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Access;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Access.ResolveCaller;

/// <summary>On the primary, never a readable secondary: a revoked key or membership must stop working at once.</summary>
internal sealed class SqlServerCallerAccessReader(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options) : ICallerAccessReader
{
    /// <summary>A key stored as its SHA-256 (the demo keys, keys from before peppered keys).</summary>
    internal static readonly string Sql = Lookup("k.key_hash = @key_hash", ApiKeyHashScheme.Sha256);

    /// <summary>An issued key: its HMAC under any configured pepper.</summary>
    internal static readonly string PepperedSql = Lookup(ApiKeyHashSlots.InList("k.key_hash"), ApiKeyHashScheme.HmacSha256);

    public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken) =>
        FindAsync(Sql, Parameters(apiKeyHash, accountToken), cancellationToken);

    public Task<CallerAccessRow?> FindAsync(ApiKeyLookup lookup, string accountToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return lookup.Scheme == ApiKeyHashScheme.Sha256
            ? FindAsync(lookup.Hashes[0], accountToken, cancellationToken)
            : FindAsync(PepperedSql, Parameters(lookup, accountToken), cancellationToken);
    }

    internal static IReadOnlyList<TypedParameter> Parameters(byte[] apiKeyHash, string accountToken)
    {
        ArgumentNullException.ThrowIfNull(apiKeyHash);
        return [TypedParameter.Binary("key_hash", apiKeyHash, SqlServerColumnLengths.KeyHash), TypedParameter.AccountToken("account_token", accountToken)];
    }

    internal static IReadOnlyList<TypedParameter> Parameters(ApiKeyLookup lookup, string accountToken) =>
        [.. ApiKeyHashSlots.Values(lookup).Select(slot => TypedParameter.Binary(slot.Name, slot.Hash, SqlServerColumnLengths.KeyHash)), TypedParameter.AccountToken("account_token", accountToken)];

    // The key and, left-joined, the caller's membership in one round trip. The scheme is a literal: one text per scheme.
    private static string Lookup(string keyPredicate, ApiKeyHashScheme scheme) => $"""
        SELECT TOP (1) k.user_id AS UserId, k.key_hash AS StoredKeyHash, m.account_id AS AccountId,
               CAST(COALESCE(m.can_read_imports, 0) AS bit) AS CanReadImports, k.api_version AS ApiVersion,
               a.rate_plan AS RatePlan, a.rate_permits AS RatePermits, a.rate_window_seconds AS RateWindowSeconds
        FROM dbo.api_keys AS k
        LEFT JOIN dbo.accounts AS a ON a.token = @account_token
        LEFT JOIN dbo.memberships AS m ON m.account_id = a.id AND m.user_id = k.user_id
        WHERE {keyPredicate} AND k.hash_scheme = {(int)scheme} AND k.revoked_at IS NULL;
        """;

    private Task<CallerAccessRow?> FindAsync(string sql, IReadOnlyList<TypedParameter> parameters, CancellationToken cancellationToken) =>
        connections.RunAsync(
            ConnectionIntent.Primary,
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(
                    new CommandDefinition(sql, TypedParameter.ToDapper(parameters), commandTimeout: options.Value.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken));
                return row is null
                    ? null
                    : new CallerAccessRow(
                        row.UserId, row.StoredKeyHash, row.AccountId, row.CanReadImports, row.ApiVersion is { } version ? DateOnly.FromDateTime(version) : null,
                        RatePlan.FromStored(row.RatePlan, row.RatePermits, row.RateWindowSeconds));
            },
            cancellationToken);

    /// <param name="ApiVersion">The date column as SqlClient returns it to Dapper (midnight of that date).</param>
    private sealed record Row(
        long UserId, byte[] StoredKeyHash, long? AccountId, bool CanReadImports, DateTime? ApiVersion,
        string? RatePlan, int? RatePermits, int? RateWindowSeconds);
}
