using ImportsService.Api.Imports;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Application.Versioning;

namespace ImportsService.Api.Versioning;

/// <summary>The bodies of the first release, 2024-01-01: <see cref="ListImportsResponse"/> and <see cref="ImportResponse"/>.</summary>
internal sealed class ImportsWireFormat20240101 : IImportsWireFormat
{
    public DateOnly Since => ApiReleases.First;

    public object ListImports(ListImportsResult result) => result.ToResponse();

    public object GetImport(GetImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ImportResponse.From(result.Import);
    }
}
