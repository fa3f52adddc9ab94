using System.Globalization;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Tests.Shared;

/// <summary><c>filter[created_at][gte]=2024-01-01</c>: name and value as sent.</summary>
public sealed record TimestampFilterParameter(string ParameterName, ImportTimestampField Field, BoundOperator Operator, string Value);

/// <summary><c>sort[created_at]=desc</c>: direction as sent.</summary>
public sealed record SortParameter(string ParameterName, ImportSortKey Key, string Direction);

/// <summary>
/// A List Imports request as a client writes it, slot by slot (values as strings, unvalidated), turned
/// into the name/value pairs the parser takes. Unknown names are sent once with a value; repeated names twice.
/// </summary>
public sealed record SentListImports(long AccountId)
{
    public string? StartCursor { get; init; }

    public string? PerPage { get; init; }

    public string? StatusInclude { get; init; }

    public IReadOnlyList<TimestampFilterParameter> TimestampFilters { get; init; } = [];

    public IReadOnlyList<SortParameter> Sorts { get; init; } = [];

    public IReadOnlyList<string> UnknownParameters { get; init; } = [];

    public IReadOnlyList<string> RepeatedParameters { get; init; } = [];

    public static TimestampFilterParameter Bound(ImportTimestampField field, BoundOperator op, string value) =>
        new(ListImportsParameters.BoundParameter(field, op), field, op, value);

    public static SortParameter Sort(ImportSortKey key, string direction) => new(ListImportsParameters.SortParameter(key), key, direction);

    /// <summary>The request that names exactly <paramref name="listing"/>'s filters and sort, in their canonical spelling.</summary>
    public static SentListImports For(long accountId, ImportListing listing, int? perPage = null)
    {
        ArgumentNullException.ThrowIfNull(listing);
        var filter = listing.Filter;
        var bounds = new (ImportTimestampField Field, TimestampBound? Bound)[]
        {
            (ImportTimestampField.CreatedAt, filter.CreatedAt.Lower), (ImportTimestampField.CreatedAt, filter.CreatedAt.Upper),
            (ImportTimestampField.UpdatedAt, filter.UpdatedAt.Lower), (ImportTimestampField.UpdatedAt, filter.UpdatedAt.Upper),
        };
        return new SentListImports(accountId)
        {
            PerPage = perPage?.ToString(CultureInfo.InvariantCulture),
            StatusInclude = filter.Statuses?.ToText(),
            TimestampFilters = bounds
                .Where(b => b.Bound is not null)
                .Select(b => Bound(b.Field, b.Bound!.Value.Operator, b.Bound.Value.Value.ToString()))
                .ToArray(),
            Sorts = [Sort(listing.Sort.Key, ListImportsParameters.Name(listing.Sort.Direction))],
        };
    }

    public IEnumerable<SentParameter> Pairs()
    {
        foreach (var name in UnknownParameters)
        {
            yield return new SentParameter(name, "1");
        }

        foreach (var name in RepeatedParameters)
        {
            yield return new SentParameter(name, "2");
            yield return new SentParameter(name, "2");
        }

        if (StartCursor is not null)
        {
            yield return new SentParameter(ListImportsParameters.StartCursor, StartCursor);
        }

        if (PerPage is not null)
        {
            yield return new SentParameter(ListImportsParameters.PerPage, PerPage);
        }

        if (StatusInclude is not null)
        {
            yield return new SentParameter(ListImportsParameters.StatusInclude, StatusInclude);
        }

        foreach (var filter in TimestampFilters)
        {
            yield return new SentParameter(filter.ParameterName, filter.Value);
        }

        foreach (var sort in Sorts)
        {
            yield return new SentParameter(sort.ParameterName, sort.Direction);
        }
    }

    /// <summary>Reads the request as the API does.</summary>
    public ListImportsQuery Parse(IServiceProvider services) =>
        ListImportsQuery.Read(AccountId, Pairs(), services.GetRequiredService<ImportCursorCodec>());

    /// <summary>Parses and sends the request through the mediator in a scope of its own, as the API does.</summary>
    public async Task<ListImportsResult> SendAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(Parse(scope.ServiceProvider), cancellationToken);
    }
}
