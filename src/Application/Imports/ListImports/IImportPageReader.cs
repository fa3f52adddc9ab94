using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// The port Infrastructure implements, once per database dialect: read one keyset page of a listing.
/// </summary>
public interface IImportPageReader
{
    Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Up to <paramref name="Take"/> rows of <paramref name="Listing"/> strictly after <paramref name="After"/>
/// (from the start when null), and a count of the rows from that same position, stopping at <paramref name="CountCap"/>.
/// </summary>
public sealed record KeysetPageRequest(long AccountId, ImportListing Listing, KeysetPosition? After, int Take, int CountCap);

/// <summary>The rows read, in listing order, and the capped count of rows from the page's position.</summary>
public sealed record KeysetPage(IReadOnlyList<Import> Records, int CappedRemainingCount);
