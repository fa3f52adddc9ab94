using System.Data;
using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Sqlite;

internal sealed class SqliteCallerAccessReader(SqliteConnectionFactory connections, IOptions<DatabaseOptions> options) : ICallerAccessReader
{
    // One round trip: the key (by its unique hash) and, left-joined, the caller's membership of the named account.
    private const string Sql = """
        SELECT k.user_id AS UserId, k.key_hash AS StoredKeyHash, m.account_id AS AccountId,
               COALESCE(m.can_read_imports, 0) AS CanReadImports, k.api_version AS ApiVersion
        FROM api_keys k
        LEFT JOIN accounts a ON a.token = @account_token
        LEFT JOIN memberships m ON m.account_id = a.id AND m.user_id = k.user_id
        WHERE k.key_hash = @key_hash AND k.revoked_at IS NULL
        LIMIT 1;
        """;

    public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("key_hash", apiKeyHash, DbType.Binary);
        parameters.Add("account_token", accountToken, DbType.String);

        return connections.RunAsync(
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(
                    new CommandDefinition(Sql, parameters, commandTimeout: options.Value.CommandTimeoutSeconds, cancellationToken: cancellationToken));
                return row is null ? null : new CallerAccessRow(row.UserId, row.StoredKeyHash, row.AccountId, row.CanReadImports != 0, ApiVersionOf(row.ApiVersion));
            },
            cancellationToken);
    }

    /// <summary>The stored 'YYYY-MM-DD' (the column's CHECK guarantees the shape); null stays null.</summary>
    private static DateOnly? ApiVersionOf(string? stored) =>
        stored is null ? null : DateOnly.ParseExact(stored, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Row(long UserId, byte[] StoredKeyHash, long? AccountId, long CanReadImports, string? ApiVersion);
}
