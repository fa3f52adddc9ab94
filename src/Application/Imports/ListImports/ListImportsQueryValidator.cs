using ImportsService.Application.Common.Parameters;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>Every 400 of the List Imports contract: what <see cref="ListImportsQueryParser"/> found.</summary>
internal sealed class ListImportsQueryValidator : ParameterErrorsValidator<ListImportsQuery>;
