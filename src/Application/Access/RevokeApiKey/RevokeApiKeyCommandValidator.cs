using ImportsService.Application.Access.ApiKeys;
using FluentValidation;
using ImportsService.Domain.Access;

namespace ImportsService.Application.Access.RevokeApiKey;

internal sealed class RevokeApiKeyCommandValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyCommandValidator()
    {
        RuleFor(c => c).Must(c => string.IsNullOrEmpty(c.ApiKey) != c.KeyId is null).OverridePropertyName("key")
            .WithMessage("Name the key to revoke with either --key <api key> or --id <key id>, not both.");
        RuleFor(c => c.KeyId).GreaterThan(0).When(c => c.KeyId is not null).OverridePropertyName("id")
            .WithMessage("A key id is a positive number.");
        RuleFor(c => c.ApiKey).Must(key => ApiKeyFormat.Classify(key!) != ApiKeyKind.Malformed).When(c => !string.IsNullOrEmpty(c.ApiKey))
            .OverridePropertyName("key").WithMessage("This is not a key this service issued: its format or checksum is wrong.");
    }
}
