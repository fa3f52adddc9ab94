using ImportsService.Domain.Access;

namespace ImportsService.Application.Access.CreateApiKey;

/// <summary>The port Infrastructure implements: store a new user, its key (as a hash) and its membership, in one transaction.</summary>
public interface IApiKeyWriter
{
    /// <returns>Null (and nothing stored) when no account has <see cref="NewApiKey.AccountToken"/>.</returns>
    Task<CreatedApiKeyRow?> CreateAsync(NewApiKey key, CancellationToken cancellationToken);
}

/// <param name="KeyHash">The key's hash under <paramref name="Scheme"/>; the key itself is never passed to the store.</param>
public sealed record NewApiKey(string AccountToken, string UserName, byte[] KeyHash, ApiKeyHashScheme Scheme, bool CanReadImports);

public sealed record CreatedApiKeyRow(long KeyId, long UserId, long AccountId);
