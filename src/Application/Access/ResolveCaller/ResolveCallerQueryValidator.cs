using FluentValidation;

namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>
/// A caller is resolved from a key and an account token that are both there; the API's authentication
/// handler checks the headers first, so this guards other callers of the use case.
/// </summary>
internal sealed class ResolveCallerQueryValidator : AbstractValidator<ResolveCallerQuery>
{
    public ResolveCallerQueryValidator()
    {
        RuleFor(q => q.ApiKey).NotEmpty().OverridePropertyName("Authorization").WithMessage("Send an API key.");
        RuleFor(q => q.AccountToken).NotEmpty().OverridePropertyName("Account-Token").WithMessage("Send the account token of the account to read.");
    }
}
