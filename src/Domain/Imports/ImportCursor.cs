namespace ImportsService.Domain.Imports;

/// <summary>
/// Where a walk through an account's imports stands: the listing it walks (filters and sort), the page
/// size it was asked for, and the position after which the page starts (none: the first page).
/// Bound to one account: a cursor never opens another account's listing.
/// </summary>
public sealed record ImportCursor(long AccountId, ImportListing Listing, int PerPage, KeysetPosition? After);
