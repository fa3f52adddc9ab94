using ImportsService.Api.OpenApi;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.GetImport;

namespace ImportsService.Api.Imports.GetImport;

internal sealed class GetImportOperation : IOperationDescription
{
    public const string Id = "getImport";

    public string OperationId => Id;

    public string Summary => "Get an import";

    public string Description =>
        "One import of the account named by `Account-Token`: exactly an item of the list's `records`. An import that does not " +
        "exist and one of another account are the same 404. HEAD is answered too (same status and headers, no body).";

    public string OkDescription => "The import.";

    public ParameterTable Parameters => GetImportParameters.Table;

    public RecordedExample OkExample { get; } = Example("get-import.200", 200, "998");

    public RecordedExample BadRequestExample { get; } = Example("get-import.400", 400, "abc");

    public IReadOnlyList<OperationProblem> Problems { get; } =
    [
        new(404, "No import with this id in this account (or in any account this key may read).", Example("get-import.404", 404, "999999999")),
    ];

    private static RecordedExample Example(string name, int status, string id) =>
        new(typeof(GetImportOperation), name, status) { RouteValues = new Dictionary<string, string>(StringComparer.Ordinal) { [GetImportParameters.Id] = id } };
}
