using System.Data;
using Dapper;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Domain.Access;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Access;
using ImportsService.Infrastructure.Sqlite;

namespace ImportsService.Infrastructure.Access.RevokeApiKey;

/// <summary>Marks an active key revoked; authentication skips revoked keys from the next request on.</summary>
internal sealed class SqliteApiKeyRevoker(SqliteConnectionFactory connections) : IApiKeyRevoker
{
    internal static readonly string RevokeByHash =
        $"UPDATE api_keys SET revoked_at = @revoked_at WHERE {ApiKeyHashSlots.InList("key_hash")} AND hash_scheme = @{ApiKeyHashSlots.SchemeParameter} AND revoked_at IS NULL;";

    internal const string RevokeById = "UPDATE api_keys SET revoked_at = @revoked_at WHERE id = @id AND revoked_at IS NULL;";

    public Task<int> RevokeAsync(ApiKeyLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var parameters = Now();
        foreach (var (name, hash) in ApiKeyHashSlots.Values(lookup))
        {
            parameters.Add(name, hash, DbType.Binary);
        }

        parameters.Add(ApiKeyHashSlots.SchemeParameter, (int)lookup.Scheme, DbType.Int64);
        return ExecuteAsync(RevokeByHash, parameters, cancellationToken);
    }

    public Task<int> RevokeAsync(long keyId, CancellationToken cancellationToken)
    {
        var parameters = Now();
        parameters.Add("id", keyId, DbType.Int64);
        return ExecuteAsync(RevokeById, parameters, cancellationToken);
    }

    private static DynamicParameters Now()
    {
        var parameters = new DynamicParameters();
        parameters.Add("revoked_at", UtcTimestamp.FromDateTime(DateTime.UtcNow).UnixMicroseconds, DbType.Int64);
        return parameters;
    }

    private async Task<int> ExecuteAsync(string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
