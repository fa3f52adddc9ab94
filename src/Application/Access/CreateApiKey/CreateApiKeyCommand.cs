using MediatR;

namespace ImportsService.Application.Access.CreateApiKey;

/// <summary>
/// Issues a key for a new user who is a member of the account named by <paramref name="AccountToken"/>
/// (may read its imports when <paramref name="CanReadImports"/>). Used by the <c>keys create</c> verb.
/// </summary>
public sealed record CreateApiKeyCommand(string AccountToken, string UserName, bool CanReadImports) : IRequest<CreateApiKeyResult>;

/// <summary>
/// The new key, shown once: only its hash is stored. <see cref="ToString"/> leaves the key out, so a result
/// that reaches a log by accident does not leak it.
/// </summary>
public sealed record CreateApiKeyResult(long KeyId, long UserId, long AccountId, bool CanReadImports, string ApiKey)
{
    public override string ToString() =>
        FormattableString.Invariant($"{nameof(CreateApiKeyResult)} {{ KeyId = {KeyId}, UserId = {UserId}, AccountId = {AccountId}, CanReadImports = {CanReadImports}, ApiKey = (secret) }}");
}
