using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>One page of a listing and how to go on from it.</summary>
/// <param name="StartCursor">Returns this same page again (also on the first page).</param>
/// <param name="NextCursor">The following page; null on the last page.</param>
/// <param name="EstimatedRemainingCount">Matching rows from this page's first row to the end, at most 500.</param>
/// <param name="Listing">The filters and sort actually applied (from the request or the cursor).</param>
public sealed record ListImportsResult(
    string StartCursor,
    string? NextCursor,
    int PerPage,
    int EstimatedRemainingCount,
    ImportListing Listing,
    IReadOnlyList<Import> Records);
