using ImportsService.Application.Common.Parameters;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>Every 400 of Get Import: what <see cref="GetImportQueryParser"/> found.</summary>
internal sealed class GetImportQueryValidator : ParameterErrorsValidator<GetImportQuery>;
