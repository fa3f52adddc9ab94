using ImportsService.Application.Access.ApiKeys;
using MediatR;

namespace ImportsService.Application.Access.RevokeApiKey;

/// <summary>Finds the key as authentication would (SHA-256, or one HMAC per pepper) and revokes it.</summary>
internal sealed class RevokeApiKeyHandler(IApiKeyRevoker revoker, ApiKeyPeppers peppers) : IRequestHandler<RevokeApiKeyCommand, RevokeApiKeyResult>
{
    public async Task<RevokeApiKeyResult> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.KeyId is { } id)
        {
            return new RevokeApiKeyResult(await revoker.RevokeAsync(id, cancellationToken));
        }

        var lookup = ApiKeyPeppers.LookupFor(request.ApiKey ?? string.Empty, peppers);
        return new RevokeApiKeyResult(lookup is null ? 0 : await revoker.RevokeAsync(lookup, cancellationToken));
    }
}
