namespace ImportsService.Application.Common.Parameters;

/// <summary>
/// A request built by parsing what a client sent. When <see cref="ParameterErrors"/> is not empty its
/// typed values are defaults and mean nothing: <see cref="ParameterErrorsValidator{TRequest}"/> reports the
/// errors, so the handler never runs.
/// </summary>
public interface IParsedRequest
{
    IReadOnlyList<ParameterError> ParameterErrors { get; }
}
