using System.Text.Json.Serialization;

namespace ImportsService.Api.Imports.ListImports;

/// <summary>Compile-time JSON metadata for the page body (a hot path): serializing it needs no reflection.</summary>
[JsonSerializable(typeof(ImportPage))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ListImportsJsonContext : JsonSerializerContext;
