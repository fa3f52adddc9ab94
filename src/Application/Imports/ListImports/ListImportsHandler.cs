using ImportsService.Application.Imports.Cursors;
using ImportsService.Domain.Imports;
using MediatR;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// Reads one keyset page of the query's listing. It asks for one row more than the page so it knows
/// whether a next page exists, and signs the cursors that return to this page and go on to the next.
/// </summary>
internal sealed class ListImportsHandler(IImportPageReader reader, ImportCursorCodec cursors)
    : IRequestHandler<ListImportsQuery, ListImportsResult>
{
    public async Task<ListImportsResult> Handle(ListImportsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (accountId, listing, perPage, after) = (request.AccountId, request.Listing, request.PerPage, request.After);

        var page = await reader.ReadPageAsync(
            new KeysetPageRequest(accountId, listing, after, perPage + 1, ListingLimits.RemainingCountCap),
            cancellationToken);

        var records = page.Records.Count > perPage ? page.Records.Take(perPage).ToArray() : page.Records;
        var nextCursor = page.Records.Count > perPage
            ? cursors.Encode(new ImportCursor(accountId, listing, perPage, listing.PositionAfter(records[^1])))
            : null;

        return new ListImportsResult(
            cursors.Encode(new ImportCursor(accountId, listing, perPage, after)),
            nextCursor,
            perPage,
            Math.Min(page.CappedRemainingCount, ListingLimits.RemainingCountCap),
            listing,
            records);
    }
}
