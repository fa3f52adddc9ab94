using ImportsService.Api.Versioning;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Application.Versioning;

namespace ImportsService.Api.Imports.ListImports;

/// <summary>The first release's body: <see cref="ImportPage"/>.</summary>
internal sealed class ListImportsResponse20240101 : IResponseFormat<ListImportsResult>
{
    public DateOnly Since => ApiReleases.First;

    public object Write(ListImportsResult result) => ImportPage.From(result);
}
