using Dapper;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Domain.Access;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Access;
using ImportsService.Infrastructure.SqlServer;

namespace ImportsService.Infrastructure.Access.RevokeApiKey;

/// <summary>On the primary, where authentication reads: the key stops working from the next request on.</summary>
internal sealed class SqlServerApiKeyRevoker(SqlServerConnectionFactory connections) : IApiKeyRevoker
{
    internal static readonly string RevokeByHash =
        $"UPDATE dbo.api_keys SET revoked_at = @revoked_at WHERE {ApiKeyHashSlots.InList("key_hash")} AND hash_scheme = @{ApiKeyHashSlots.SchemeParameter} AND revoked_at IS NULL;";

    internal const string RevokeById = "UPDATE dbo.api_keys SET revoked_at = @revoked_at WHERE id = @id AND revoked_at IS NULL;";

    public Task<int> RevokeAsync(ApiKeyLookup lookup, CancellationToken cancellationToken) =>
        ExecuteAsync(RevokeByHash, Parameters(lookup, DateTime.UtcNow), cancellationToken);

    public Task<int> RevokeAsync(long keyId, CancellationToken cancellationToken) =>
        ExecuteAsync(RevokeById, Parameters(keyId, DateTime.UtcNow), cancellationToken);

    internal static IReadOnlyList<TypedParameter> Parameters(ApiKeyLookup lookup, DateTime revokedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return
        [
            .. ApiKeyHashSlots.Values(lookup).Select(slot => TypedParameter.Binary(slot.Name, slot.Hash, SqlServerColumnLengths.KeyHash)),
            TypedParameter.Byte(ApiKeyHashSlots.SchemeParameter, (byte)lookup.Scheme),
            RevokedAt(revokedAtUtc),
        ];
    }

    internal static IReadOnlyList<TypedParameter> Parameters(long keyId, DateTime revokedAtUtc) => [TypedParameter.Int64("id", keyId), RevokedAt(revokedAtUtc)];

    private static TypedParameter RevokedAt(DateTime utc) => TypedParameter.Timestamp("revoked_at", UtcTimestamp.FromDateTime(utc).ToDateTime());

    private async Task<int> ExecuteAsync(string sql, IReadOnlyList<TypedParameter> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, TypedParameter.ToDapper(parameters), cancellationToken: cancellationToken));
    }
}
