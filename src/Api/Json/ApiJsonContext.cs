using System.Text.Json.Serialization;
using ImportsService.Api.Errors;
using ImportsService.Api.Imports;

namespace ImportsService.Api.Json;

/// <summary>
/// Compile-time JSON metadata for the bodies several endpoints write on their hot paths (an import record, the 400), so
/// serializing them needs no reflection. A use case with a body of its own declares its own context beside it.
/// </summary>
[JsonSerializable(typeof(ImportRecord))]
[JsonSerializable(typeof(ValidationErrorsResponse))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
