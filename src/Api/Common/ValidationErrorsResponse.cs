using System.Text.Json.Serialization;

namespace ImportsService.Api.Common;

/// <summary>The contract's 400 body: every problem, keyed by the parameter exactly as the client sent it.</summary>
public sealed record ValidationErrorsResponse(
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]> Errors);
