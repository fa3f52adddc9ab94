using System.Data;
using Dapper;
using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.SqlServer;

namespace ImportsService.Infrastructure.Access.CreateApiKey;

/// <summary>User, key and membership in one transaction; nothing when the account is unknown.</summary>
internal sealed class SqlServerApiKeyWriter(SqlServerConnectionFactory connections) : IApiKeyWriter
{
    internal const string FindAccount = "SELECT id FROM dbo.accounts WHERE token = @account_token;";
    internal const string InsertUser = "INSERT INTO dbo.users (name) OUTPUT INSERTED.id VALUES (@name);";
    internal const string InsertKey =
        "INSERT INTO dbo.api_keys (user_id, key_hash, hash_scheme, created_at) OUTPUT INSERTED.id VALUES (@user_id, @key_hash, @hash_scheme, @created_at);";
    internal const string InsertMembership = "INSERT INTO dbo.memberships (account_id, user_id, can_read_imports) VALUES (@account_id, @user_id, @can_read_imports);";

    /// <summary>For the parser tests.</summary>
    internal static IReadOnlyList<string> Statements { get; } = [FindAccount, InsertUser, InsertKey, InsertMembership];

    public async Task<CreatedApiKeyRow?> CreateAsync(NewApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await connections.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        CommandDefinition Command(string sql, IEnumerable<TypedParameter> parameters) =>
            new(sql, TypedParameter.ToDapper(parameters), transaction, cancellationToken: cancellationToken);

        var accountId = await connection.ExecuteScalarAsync<long?>(Command(FindAccount, [TypedParameter.AccountToken("account_token", key.AccountToken)]));
        if (accountId is not { } account)
        {
            return null;
        }

        var userId = await connection.ExecuteScalarAsync<long>(Command(InsertUser, [TypedParameter.Unicode("name", key.UserName, SqlServerColumnLengths.Name)]));
        var keyId = await connection.ExecuteScalarAsync<long>(Command(InsertKey, KeyParameters(userId, key, DateTime.UtcNow)));
        await connection.ExecuteAsync(Command(InsertMembership,
        [
            TypedParameter.Int64("account_id", account),
            TypedParameter.Int64("user_id", userId),
            new TypedParameter("can_read_imports", key.CanReadImports, DbType.Boolean),
        ]));
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiKeyRow(keyId, userId, account);
    }

    internal static IReadOnlyList<TypedParameter> KeyParameters(long userId, NewApiKey key, DateTime createdAtUtc)
    {
        ArgumentNullException.ThrowIfNull(key);
        return
        [
            TypedParameter.Int64("user_id", userId),
            TypedParameter.Binary("key_hash", key.KeyHash, SqlServerColumnLengths.KeyHash),
            TypedParameter.Byte("hash_scheme", (byte)key.Scheme),
            TypedParameter.Timestamp("created_at", UtcTimestamp.FromDateTime(createdAtUtc).ToDateTime()),
        ];
    }
}
