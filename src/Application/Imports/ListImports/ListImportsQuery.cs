using System.Globalization;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Domain.Imports;
using MediatR;
using static ImportsService.Application.Imports.ListImports.ListImportsParameters;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// One page of an account's imports, as the client asked for it. <see cref="Read"/> reads every parameter once into its
/// type and verifies the cursor once; a value that does not read is kept as unreadable, because judging it is
/// <see cref="ListImportsQueryValidator"/>'s job. The handler takes <see cref="Listing"/>, <see cref="PerPage"/> and
/// <see cref="After"/>, which mean something once the validator has passed the request.
/// </summary>
public sealed record ListImportsQuery : IRequest<ListImportsResult>
{
    private ListImportsQuery(long accountId) => AccountId = accountId;

    /// <summary>The account the caller may read (from authentication, never from the client).</summary>
    public long AccountId { get; }

    /// <summary>Names List Imports does not take, in the order sent.</summary>
    public IReadOnlyList<string> UnknownParameters { get; private init; } = [];

    /// <summary>Names sent more than once: none of their values is read.</summary>
    public IReadOnlyList<string> RepeatedParameters { get; private init; } = [];

    /// <summary><c>per_page</c>: null when not sent, 0 when not a whole number (no rule allows 0).</summary>
    public int? PerPageParameter { get; private init; }

    /// <summary><c>filter[status][include]</c>; null when not sent.</summary>
    public SentStatuses? StatusParameter { get; private init; }

    /// <summary>The <c>filter[created_at|updated_at][lt|lte|gt|gte]</c> parameters, in the order sent.</summary>
    public IReadOnlyList<SentBound> BoundParameters { get; private init; } = [];

    /// <summary>The <c>sort[…]</c> parameters, in the order sent.</summary>
    public IReadOnlyList<SentSort> SortParameters { get; private init; } = [];

    /// <summary>
    /// <c>start_cursor</c> or its synonym <c>next_cursor</c> (an empty value is no cursor): one entry, or both names when
    /// they hold different tokens, in which case neither is decoded.
    /// </summary>
    public IReadOnlyList<SentCursor> CursorParameters { get; private init; } = [];

    /// <summary>Whether the request names filters or a sort; a cursor sent with them must be of that same listing.</summary>
    public bool NamesListing => StatusParameter is not null || BoundParameters.Count > 0 || SortParameters.Count > 0;

    /// <summary>The listing the filter and sort parameters name (meaningful when they are valid).</summary>
    public ImportListing RequestedListing { get; private init; } = ImportListing.Default;

    /// <summary>The verified cursor the request resumes; null without one.</summary>
    public ImportCursor? Cursor => CursorParameters is [{ Cursor: { } cursor }] ? cursor : null;

    /// <summary>The listing to read: the cursor's when the request names none, else the requested one.</summary>
    public ImportListing Listing => Cursor is { } cursor && !NamesListing ? cursor.Listing : RequestedListing;

    /// <summary>Rows per page: the request's, else the cursor's, else the default.</summary>
    public int PerPage => PerPageParameter ?? Cursor?.PerPage ?? ListingLimits.DefaultPerPage;

    /// <summary>Where the page starts (the verified cursor's position); null for the first page.</summary>
    public KeysetPosition? After => Cursor?.After;

    /// <param name="accountId">The account the caller may read (from authentication, never from the client).</param>
    /// <param name="sent">The query string exactly as sent: decoded pairs, names exact, in order.</param>
    public static ListImportsQuery Read(long accountId, IEnumerable<SentParameter> sent, ImportCursorCodec cursors)
    {
        ArgumentNullException.ThrowIfNull(cursors);
        var matched = Table.Match(sent);
        var statuses = matched[StatusInclude] is { } list ? ReadStatuses(list) : null;
        var bounds = matched.Where(IsBound).Select(p => ReadBound(p.Name, p.Value)).ToArray();
        var sorts = matched.Where(name => name.StartsWith("sort[", StringComparison.Ordinal)).Select(p => ReadSort(p.Name, p.Value)).ToArray();
        return new ListImportsQuery(accountId)
        {
            UnknownParameters = matched.Unknown,
            RepeatedParameters = matched.Repeated,
            PerPageParameter = matched[ListImportsParameters.PerPage] is { } perPage ? ReadWholeNumber(perPage) : null,
            StatusParameter = statuses,
            BoundParameters = bounds,
            SortParameters = sorts,
            CursorParameters = ReadCursors(matched, accountId, cursors),
            RequestedListing = new ImportListing(
                new ImportFilter(statuses?.Set, RangeOf(bounds, ImportTimestampField.CreatedAt), RangeOf(bounds, ImportTimestampField.UpdatedAt)),
                SortOf(sorts)),
        };
    }

    private static bool IsBound(string name) => name.StartsWith("filter[", StringComparison.Ordinal) && name != StatusInclude;

    private static int ReadWholeNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static SentStatuses ReadStatuses(string list) =>
        ImportStatusText.TryParseList(list, out var set, out var unknown) ? new SentStatuses(set, []) : new SentStatuses(null, unknown);

    private static SentBound ReadBound(string name, string value)
    {
        var (field, op) = (from f in TimestampFields from o in Operators where BoundParameter(f, o) == name select (f, o)).Single();
        return new SentBound(name, field, op, TimestampText.TryParse(value, out var timestamp) ? timestamp : null);
    }

    private static SentSort ReadSort(string name, string value) =>
        new(name, SortKeys.Single(k => SortParameter(k) == name), TryParseDirection(value, out var direction) ? direction : null);

    private static SentCursor[] ReadCursors(MatchedParameters matched, long accountId, ImportCursorCodec cursors)
    {
        var start = matched[StartCursor] is { Length: > 0 } s ? s : null;
        var next = matched[NextCursor] is { Length: > 0 } n ? n : null;
        if (start is not null && next is not null && start != next)
        {
            return [new SentCursor(StartCursor, null), new SentCursor(NextCursor, null)];
        }

        var (name, token) = start is not null ? (StartCursor, start) : (NextCursor, next);
        return token is null ? [] : [new SentCursor(name, cursors.TryDecode(token, accountId, out var cursor) ? cursor : null)];
    }

    private static TimeRange RangeOf(IEnumerable<SentBound> bounds, ImportTimestampField field)
    {
        var readable = bounds.Where(b => b.Field == field && b.Value is not null).ToArray();
        TimestampBound? First(bool lower) =>
            readable.FirstOrDefault(b => b.Operator.IsLower() == lower) is { Value: { } value } bound ? new TimestampBound(bound.Operator, value) : null;
        return new TimeRange(First(lower: true), First(lower: false));
    }

    private static ImportSort SortOf(IReadOnlyList<SentSort> sorts) =>
        sorts.FirstOrDefault(s => s.Key != ImportSortKey.Id && s.Direction is not null) is { Direction: { } direction } timestampSort
            ? new ImportSort(timestampSort.Key, direction)
            : new ImportSort(ImportSortKey.Id, sorts.FirstOrDefault(s => s.Key == ImportSortKey.Id)?.Direction ?? SortDirection.Descending);
}

/// <summary><c>filter[status][include]</c> as read: the set, or (when it names no status or unknown ones) null and the unknown names.</summary>
public sealed record SentStatuses(ImportStatusSet? Set, IReadOnlyList<string> UnknownNames);

/// <summary>One timestamp bound as sent; <paramref name="Value"/> is null when the text is not a timestamp.</summary>
public sealed record SentBound(string Name, ImportTimestampField Field, BoundOperator Operator, UtcTimestamp? Value);

/// <summary>One sort as sent; <paramref name="Direction"/> is null when the text is neither asc nor desc.</summary>
public sealed record SentSort(string Name, ImportSortKey Key, SortDirection? Direction);

/// <summary>A cursor parameter as sent, under the name used; <paramref name="Cursor"/> is null when it does not verify (or was not decoded).</summary>
public sealed record SentCursor(string Name, ImportCursor? Cursor);
