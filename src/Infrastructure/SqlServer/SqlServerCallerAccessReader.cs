using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// Looks a caller up on the primary, never on a readable secondary: a revoked key or a withdrawn
/// membership must stop working at once, not after the replica catches up.
/// </summary>
internal sealed class SqlServerCallerAccessReader(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options) : ICallerAccessReader
{
    // One round trip: the key (one seek on its unique hash) and, left-joined, the caller's membership of the named account.
    internal const string Sql = """
        SELECT TOP (1) k.user_id AS UserId, k.key_hash AS StoredKeyHash, m.account_id AS AccountId,
               CAST(COALESCE(m.can_read_imports, 0) AS bit) AS CanReadImports
        FROM dbo.api_keys AS k
        LEFT JOIN dbo.accounts AS a ON a.token = @account_token
        LEFT JOIN dbo.memberships AS m ON m.account_id = a.id AND m.user_id = k.user_id
        WHERE k.key_hash = @key_hash AND k.revoked_at IS NULL;
        """;

    public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken)
    {
        var parameters = TypedParameter.ToDapper(Parameters(apiKeyHash, accountToken));
        return connections.RunAsync(
            ConnectionIntent.Primary,
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<Row>(
                    new CommandDefinition(Sql, parameters, commandTimeout: options.Value.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken));
                return row is null ? null : new CallerAccessRow(row.UserId, row.StoredKeyHash, row.AccountId, row.CanReadImports);
            },
            cancellationToken);
    }

    /// <summary>
    /// The hash as binary(32); the token as varchar(100). A token the column cannot hold (too long, or not
    /// ASCII) is sent as NULL and matches no account: sized ANSI parameters would otherwise truncate it or
    /// turn its characters into '?', and a mangled token could equal a real one.
    /// </summary>
    internal static IReadOnlyList<TypedParameter> Parameters(byte[] apiKeyHash, string accountToken)
    {
        ArgumentNullException.ThrowIfNull(apiKeyHash);
        var storable = accountToken is { Length: > 0 and <= SqlServerColumnLengths.AccountToken } && accountToken.All(char.IsAscii);
        return
        [
            TypedParameter.Binary("key_hash", apiKeyHash, SqlServerColumnLengths.KeyHash),
            TypedParameter.Ansi("account_token", storable ? accountToken : null, SqlServerColumnLengths.AccountToken),
        ];
    }

    private sealed record Row(long UserId, byte[] StoredKeyHash, long? AccountId, bool CanReadImports);
}
