using ImportsService.Application.Common.Parameters;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>The Get Import parameters: the import's id in the path, nothing in the query string.</summary>
public static class GetImportParameters
{
    public const string Id = "id";

    public static ParameterTable Table { get; } = new(
    [
        new ParameterDescription(Id, ParameterValueKind.WholeNumber, "The import's id, as listed in the records of List Imports.")
        {
            Location = ParameterLocation.Path,
            Minimum = 1,
            Maximum = long.MaxValue,
        },
    ]);
}
