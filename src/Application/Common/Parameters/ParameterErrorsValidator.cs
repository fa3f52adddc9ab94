using FluentValidation;
using FluentValidation.Results;

namespace ImportsService.Application.Common.Parameters;

/// <summary>
/// The FluentValidation side of a parsed request: reports every error its parse found, each under the
/// parameter name the client sent. A use case's validator derives from it and may add rules on the
/// typed values.
/// </summary>
public abstract class ParameterErrorsValidator<TRequest> : AbstractValidator<TRequest>
    where TRequest : IParsedRequest
{
    protected ParameterErrorsValidator()
    {
        // A ValidationFailure keeps the name as sent; AddFailure inside RuleForEach would prefix the collection's path.
        RuleForEach(request => request.ParameterErrors).Custom((error, context) =>
            context.AddFailure(new ValidationFailure(error.Parameter, error.Message)));
    }
}
