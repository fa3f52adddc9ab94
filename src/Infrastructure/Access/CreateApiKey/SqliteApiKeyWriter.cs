using Dapper;
using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Sqlite;

namespace ImportsService.Infrastructure.Access.CreateApiKey;

/// <summary>User, key and membership in one transaction; nothing when the account is unknown.</summary>
internal sealed class SqliteApiKeyWriter(SqliteConnectionFactory connections) : IApiKeyWriter
{
    internal const string FindAccount = "SELECT id FROM accounts WHERE token = @account_token;";
    internal const string InsertUser = "INSERT INTO users (name) VALUES (@name) RETURNING id;";
    internal const string InsertKey = "INSERT INTO api_keys (user_id, key_hash, hash_scheme, created_at) VALUES (@user_id, @key_hash, @hash_scheme, @created_at) RETURNING id;";
    internal const string InsertMembership = "INSERT INTO memberships (account_id, user_id, can_read_imports) VALUES (@account_id, @user_id, @can_read_imports);";

    public async Task<CreatedApiKeyRow?> CreateAsync(NewApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        CommandDefinition Command(string sql, object parameters) => new(sql, parameters, transaction, cancellationToken: cancellationToken);

        var accountId = await connection.ExecuteScalarAsync<long?>(Command(FindAccount, new { account_token = key.AccountToken }));
        if (accountId is not { } account)
        {
            return null;
        }

        var userId = await connection.ExecuteScalarAsync<long>(Command(InsertUser, new { name = key.UserName }));
        var keyId = await connection.ExecuteScalarAsync<long>(Command(InsertKey, new
        {
            user_id = userId,
            key_hash = key.KeyHash,
            hash_scheme = (int)key.Scheme,
            created_at = UtcTimestamp.FromDateTime(DateTime.UtcNow).UnixMicroseconds,
        }));
        await connection.ExecuteAsync(Command(InsertMembership, new { account_id = account, user_id = userId, can_read_imports = key.CanReadImports ? 1 : 0 }));
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiKeyRow(keyId, userId, account);
    }
}
