namespace ImportsService.Application.Common.Exceptions;

/// <summary>
/// A request that failed validation: every problem at once, keyed by the parameter name the client sent.
/// The API turns it into a 400.
/// </summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request has invalid parameters: " + string.Join(", ", errors?.Keys ?? []))
    {
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
