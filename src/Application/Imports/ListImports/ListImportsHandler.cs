using ImportsService.Domain.Imports;
using MediatR;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// Reads one keyset page: the listing comes from the request's filters and sort, or, when the request
/// names none, from its cursor. It asks for one row more than the page so it knows whether a next page exists.
/// </summary>
internal sealed class ListImportsHandler(IImportPageReader reader, ImportCursorCodec cursors)
    : IRequestHandler<ListImportsQuery, ListImportsResult>
{
    public async Task<ListImportsResult> Handle(ListImportsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ImportCursor? cursor = null;
        if (!string.IsNullOrEmpty(request.StartCursor) && !cursors.TryDecode(request.StartCursor, request.AccountId, out cursor))
        {
            // The validator has already rejected this; reaching here is a wiring bug, not bad input.
            throw new InvalidOperationException("An unverified cursor reached the handler.");
        }

        var listing = cursor is not null && !request.NamesListing ? cursor.Listing : ListImportsQueryInterpretation.ToListing(request);
        var perPage = ListImportsQueryInterpretation.PerPage(request) ?? cursor?.PerPage ?? ListingLimits.DefaultPerPage;
        var after = cursor?.After;

        var page = await reader.ReadPageAsync(
            new KeysetPageRequest(request.AccountId, listing, after, perPage + 1, ListingLimits.RemainingCountCap),
            cancellationToken);

        var records = page.Records.Count > perPage ? page.Records.Take(perPage).ToArray() : page.Records;
        var nextCursor = page.Records.Count > perPage
            ? cursors.Encode(new ImportCursor(request.AccountId, listing, perPage, listing.PositionAfter(records[^1])))
            : null;

        return new ListImportsResult(
            cursors.Encode(new ImportCursor(request.AccountId, listing, perPage, after)),
            nextCursor,
            perPage,
            Math.Min(page.CappedRemainingCount, ListingLimits.RemainingCountCap),
            listing,
            records);
    }
}
