namespace ImportsService.Application.Common.Parameters;

/// <summary>One problem with a request, under the parameter name exactly as the client sent it.</summary>
public sealed record ParameterError(string Parameter, string Message);
