using MediatR;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// List one page of an account's imports. Values are as the client sent them (strings, unvalidated);
/// <see cref="ListImportsQueryValidator"/> checks them and reports each problem under the parameter name
/// the client used, then <see cref="ListImportsHandler"/> reads the page.
/// </summary>
/// <param name="AccountId">The account the caller is allowed to read (resolved by authentication, never by the client).</param>
public sealed record ListImportsQuery(long AccountId) : IRequest<ListImportsResult>
{
    public string? StartCursor { get; init; }

    public string? PerPage { get; init; }

    /// <summary><c>filter[status][include]</c>: comma-separated status names.</summary>
    public string? StatusInclude { get; init; }

    public IReadOnlyList<TimestampFilterParameter> TimestampFilters { get; init; } = [];

    public IReadOnlyList<SortParameter> Sorts { get; init; } = [];

    /// <summary>Names the endpoint does not know (<c>page</c>, <c>filter[name][eq]</c>, …), as sent.</summary>
    public IReadOnlyList<string> UnknownParameters { get; init; } = [];

    /// <summary>Known names the client sent more than once.</summary>
    public IReadOnlyList<string> RepeatedParameters { get; init; } = [];

    /// <summary>True when the request names any filter or sort; with a cursor they must then equal the cursor's.</summary>
    public bool NamesListing => StatusInclude is not null || TimestampFilters.Count > 0 || Sorts.Count > 0;
}

/// <summary><c>filter[created_at][gte]=2024-01-01</c>: <paramref name="Operator"/> and <paramref name="Value"/> as sent.</summary>
public sealed record TimestampFilterParameter(string ParameterName, Domain.Imports.ImportTimestampField Field, Domain.Imports.BoundOperator Operator, string Value);

/// <summary><c>sort[created_at]=desc</c>: <paramref name="Direction"/> as sent.</summary>
public sealed record SortParameter(string ParameterName, Domain.Imports.ImportSortKey Key, string Direction);
