using ImportsService.Domain.Access;

namespace ImportsService.Application.Access.RevokeApiKey;

/// <summary>The port Infrastructure implements: mark an active key revoked (it stops authenticating at once).</summary>
public interface IApiKeyRevoker
{
    /// <returns>How many active keys were revoked.</returns>
    Task<int> RevokeAsync(ApiKeyLookup lookup, CancellationToken cancellationToken);

    /// <returns>How many active keys were revoked.</returns>
    Task<int> RevokeAsync(long keyId, CancellationToken cancellationToken);
}
