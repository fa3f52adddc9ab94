using MediatR;

namespace ImportsService.Application.Access.RevokeApiKey;

/// <summary>Revokes one key, named either by the key itself or by its id (as <c>keys create</c> printed it). Used by the <c>keys revoke</c> verb.</summary>
public sealed record RevokeApiKeyCommand(string? ApiKey, long? KeyId) : IRequest<RevokeApiKeyResult>;

/// <param name="Revoked">How many active keys were revoked: 1, or 0 when none matched (unknown, or revoked already).</param>
public sealed record RevokeApiKeyResult(int Revoked);
