using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>The import asked for.</summary>
public sealed record GetImportResult(Import Import);
