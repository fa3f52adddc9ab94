using ImportsService.Domain.Imports;

namespace ImportsService.IntegrationTests.Support;

/// <summary>Writes a typed listing back as the raw parameters a client would send.</summary>
internal static class ListingParameters
{
    public static SentListImports ToQuery(long accountId, ImportListing listing, int perPage) => SentListImports.For(accountId, listing, perPage);
}
