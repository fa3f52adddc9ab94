using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;

namespace ImportsService.Api.Versioning;

/// <summary>
/// How the imports endpoints write their 200 bodies from one release on. A breaking change to a body is a new
/// implementation with a later <see cref="Since"/> (a new release), registered beside the old one; the old one is
/// never edited, because clients locked to its release keep reading it.
/// </summary>
public interface IImportsWireFormat
{
    /// <summary>The release that introduced this format; it serves that release and later ones up to the next format.</summary>
    DateOnly Since { get; }

    /// <summary>The body of <c>GET /api/v1/imports</c>.</summary>
    object ListImports(ListImportsResult result);

    /// <summary>The body of <c>GET /api/v1/imports/{id}</c>.</summary>
    object GetImport(GetImportResult result);
}
