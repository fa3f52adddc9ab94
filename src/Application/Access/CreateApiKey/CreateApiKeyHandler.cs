using ImportsService.Application.Access.ApiKeys;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Domain.Access;
using MediatR;

namespace ImportsService.Application.Access.CreateApiKey;

/// <summary>
/// Generates a key in the issued format (<see cref="ApiKeyFormat"/>), stores its HMAC under the first pepper,
/// and returns the key itself once. Nothing here logs.
/// </summary>
internal sealed class CreateApiKeyHandler(IApiKeyWriter writer, ApiKeyPeppers peppers) : IRequestHandler<CreateApiKeyCommand, CreateApiKeyResult>
{
    public const string UnknownAccount = "No account has this account token.";

    public async Task<CreateApiKeyResult> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiKey = ApiKeyFormat.Generate();
        var key = new NewApiKey(request.AccountToken, request.UserName, peppers.HashNewKey(apiKey), ApiKeyHashScheme.HmacSha256, request.CanReadImports);
        var created = await writer.CreateAsync(key, cancellationToken) ?? throw new NotFoundException(UnknownAccount);
        return new CreateApiKeyResult(created.KeyId, created.UserId, created.AccountId, request.CanReadImports, apiKey);
    }
}
