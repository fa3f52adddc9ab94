using ImportsService.Application.Common.Parameters;
using ImportsService.Domain.Imports;
using MediatR;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// List one page of an account's imports, already parsed: <see cref="ListImportsQueryParser"/> builds it
/// from what the client sent (or a caller builds it typed). <see cref="ListImportsQueryValidator"/> reports
/// any <see cref="ParameterErrors"/>; <see cref="ListImportsHandler"/> reads the page.
/// </summary>
/// <param name="AccountId">The account the caller is allowed to read (resolved by authentication, never by the client).</param>
/// <param name="Listing">The filters and sort: the request's, or its cursor's when it names none.</param>
/// <param name="PerPage">Rows per page: the request's, else the cursor's, else the default.</param>
/// <param name="After">Where the page starts (from a verified cursor); null for the first page.</param>
public sealed record ListImportsQuery(long AccountId, ImportListing Listing, int PerPage, KeysetPosition? After)
    : IRequest<ListImportsResult>, IParsedRequest
{
    public IReadOnlyList<ParameterError> ParameterErrors { get; init; } = [];
}
