using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>
/// The port Infrastructure implements, once per database dialect: read one import of one account by its id.
/// </summary>
public interface IImportReader
{
    /// <returns>
    /// The import, or null when no import has this id in <paramref name="accountId"/>: one that does not
    /// exist and one that belongs to another account are the same null.
    /// </returns>
    Task<Import?> FindAsync(long accountId, long importId, CancellationToken cancellationToken);
}
