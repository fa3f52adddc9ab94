using ImportsService.Api.Versioning;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Versioning;

namespace ImportsService.Api.Imports.GetImport;

/// <summary>The first release's body: the <see cref="ImportRecord"/> itself, exactly a <c>records</c> item of List Imports.</summary>
internal sealed class GetImportResponse20240101 : IResponseFormat<GetImportResult>
{
    public DateOnly Since => ApiReleases.First;

    public object Write(GetImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ImportRecord.From(result.Import);
    }
}
