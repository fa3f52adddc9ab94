using FluentValidation;

namespace ImportsService.Application.Access.CreateApiKey;

internal sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public const int MaximumUserNameLength = 200;
    public const int MaximumAccountTokenLength = 100;

    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.AccountToken).NotEmpty().MaximumLength(MaximumAccountTokenLength).OverridePropertyName("account-token")
            .WithMessage($"Name the account with its account token (at most {MaximumAccountTokenLength} characters).");
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(MaximumUserNameLength).OverridePropertyName("name")
            .WithMessage($"The user's name is needed (at most {MaximumUserNameLength} characters).");
    }
}
