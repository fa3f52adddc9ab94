using FluentValidation;
using ImportsService.Application.Common.Parameters;
using static ImportsService.Application.Imports.GetImport.GetImportParameters;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>Every 400 of Get Import: an id that is not a positive whole number, and any query parameter.</summary>
internal sealed class GetImportQueryValidator : AbstractValidator<GetImportQuery>
{
    public static readonly string InvalidIdMessage =
        $"{Id} must be a positive whole number (1 to {long.MaxValue}): the id of an import as List Imports returns it.";

    public GetImportQueryValidator()
    {
        RuleForEach(q => q.UnknownParameters).MustUnderSentName(name => name, (_, _) => false, (_, name) => UnknownParameter(name));
        RuleFor(q => q.ImportId).GreaterThanOrEqualTo(1).OverridePropertyName(Id).WithMessage(InvalidIdMessage);
    }

    public static string UnknownParameter(string name) =>
        $"Unknown parameter {name}. This endpoint takes no query parameters: the import's id is part of the path.";
}
