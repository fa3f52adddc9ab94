using System.Globalization;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Domain.Imports;
using static ImportsService.Application.Imports.ListImports.ListImportsParameters;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// The one parse of a List Imports request: from the parameters as sent to a <see cref="ListImportsQuery"/>
/// with the typed listing, page size and verified cursor position, or with every problem, each under the
/// parameter name the client used and saying what is allowed. The cursor is verified here, once.
/// </summary>
public sealed class ListImportsQueryParser(ImportCursorCodec cursors) : IQueryParser
{
    public static readonly string InvalidCursorMessage = InvalidCursor(StartCursor);

    public static readonly string CursorListingMismatchMessage = CursorListingMismatch(StartCursor);

    public static readonly string TwoCursorsMessage =
        $"{StartCursor} and {NextCursor} are two names for one parameter, and they hold different cursors here. Send one of them.";

    /// <summary>The message for a cursor that does not verify, under the name the client used.</summary>
    public static string InvalidCursor(string name) =>
        $"{name} is not a cursor this endpoint issued for this account. Pass the start_cursor or next_cursor " +
        $"of a previous response unchanged, or leave {name} out to get the first page.";

    /// <summary>The message for a cursor whose listing differs from the request's, under the name the client used.</summary>
    public static string CursorListingMismatch(string name) =>
        $"{name} belongs to a listing with other filters or sort. Send it alone to resume that listing, or " +
        "with exactly the filters and sort it was made with (see filtered_by and sorted_by of the response it came from).";

    /// <param name="accountId">The account the caller may read (from authentication, never from the client).</param>
    public ListImportsQuery Parse(long accountId, IEnumerable<SentParameter> sent)
    {
        var sorted = Table.Sort(sent);
        var errors = new List<ParameterError>(sorted.Errors);

        var perPage = ParsePerPage(sorted[PerPage], errors);
        var (statusesValid, statuses) = ParseStatuses(sorted[StatusInclude], errors);
        var bounds = sorted.Where(name => name.StartsWith("filter[", StringComparison.Ordinal) && name != StatusInclude).ToArray();
        var ranges = ParseRanges(bounds, errors);
        var sorts = sorted.Where(name => name.StartsWith("sort[", StringComparison.Ordinal)).ToArray();
        var sort = ParseSort(sorts, errors);

        // The listing the request names, when all of its parts are right (other problems do not matter to it).
        var requested = statusesValid && ranges is ({ } created, { } updated) && sort is not null
            ? new ImportListing(new ImportFilter(statuses, created, updated), sort)
            : null;
        var namesListing = sorted[StatusInclude] is not null || bounds.Length > 0 || sorts.Length > 0;

        ImportCursor? cursor = null;
        if (SentCursor(sorted, errors) is ({ } name, { } token))
        {
            if (!cursors.TryDecode(token, accountId, out cursor))
            {
                errors.Add(new ParameterError(name, InvalidCursor(name)));
            }
            else if (namesListing && requested is not null && requested != cursor!.Listing)
            {
                errors.Add(new ParameterError(name, CursorListingMismatch(name)));
            }
        }

        var listing = cursor is not null && !namesListing ? cursor.Listing : requested ?? ImportListing.Default;
        return new ListImportsQuery(accountId, listing, perPage ?? cursor?.PerPage ?? ListingLimits.DefaultPerPage, cursor?.After)
        {
            ParameterErrors = errors,
        };
    }

    /// <summary>
    /// The cursor and the name it came under: start_cursor or its synonym next_cursor (an empty value is no
    /// cursor). Both with one value is one cursor; with two values it is an error under both names.
    /// </summary>
    private static (string Name, string Token)? SentCursor(SortedParameters sorted, List<ParameterError> errors)
    {
        var start = sorted[StartCursor] is { Length: > 0 } s ? s : null;
        var next = sorted[NextCursor] is { Length: > 0 } n ? n : null;
        if (start is not null && next is not null && start != next)
        {
            errors.Add(new ParameterError(StartCursor, TwoCursorsMessage));
            errors.Add(new ParameterError(NextCursor, TwoCursorsMessage));
            return null;
        }

        return start is not null ? (StartCursor, start) : next is not null ? (NextCursor, next) : null;
    }

    private static int? ParsePerPage(string? text, List<ParameterError> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var perPage)
            && perPage is >= ListingLimits.MinPerPage and <= ListingLimits.MaxPerPage)
        {
            return perPage;
        }

        errors.Add(new ParameterError(PerPage,
            $"{PerPage} must be a whole number from {ListingLimits.MinPerPage} to {ListingLimits.MaxPerPage} (default {ListingLimits.DefaultPerPage})."));
        return null;
    }

    private static (bool Valid, ImportStatusSet? Set) ParseStatuses(string? list, List<ParameterError> errors)
    {
        if (list is null)
        {
            return (true, null);
        }

        if (ImportStatusText.TryParseList(list, out var set, out var unknown))
        {
            return (true, set);
        }

        var what = unknown.Count == 0 ? "names no status" : "has unknown statuses: " + string.Join(", ", unknown.Select(n => $"'{n}'"));
        errors.Add(new ParameterError(StatusInclude, $"{StatusInclude} {what}. It takes a comma-separated list of: {ImportStatusText.AllowedList}."));
        return (false, null);
    }

    /// <summary>The range on each column; null when any bound is wrong (each problem is reported).</summary>
    private static (TimeRange CreatedAt, TimeRange UpdatedAt)? ParseRanges(IReadOnlyList<SentParameter> sent, List<ParameterError> errors)
    {
        var count = errors.Count;
        var bounds = new Dictionary<(ImportTimestampField Field, bool Lower), TimestampBound>();
        var parameters = sent.Select(p => (p.Name, p.Value, Bound: BoundOf(p.Name))).ToArray();
        foreach (var (name, value, (field, op)) in parameters)
        {
            if (TimestampText.TryParse(value, out var timestamp))
            {
                bounds[(field, op.IsLower())] = new TimestampBound(op, timestamp);
            }
            else
            {
                errors.Add(new ParameterError(name, $"{name} {TimestampText.Allowed}"));
            }
        }

        foreach (var side in parameters.GroupBy(p => (p.Bound.Field, Lower: p.Bound.Operator.IsLower())).Where(g => g.Count() > 1))
        {
            var kind = side.Key.Lower ? "lower bound (gt or gte)" : "upper bound (lt or lte)";
            errors.AddRange(side.Select(p => new ParameterError(p.Name,
                $"filter[{Name(side.Key.Field)}] takes at most one {kind}; combine one lower and one upper bound for a range.")));
        }

        TimeRange Range(ImportTimestampField field) => new(
            bounds.TryGetValue((field, true), out var lower) ? lower : null,
            bounds.TryGetValue((field, false), out var upper) ? upper : null);
        return errors.Count == count ? (Range(ImportTimestampField.CreatedAt), Range(ImportTimestampField.UpdatedAt)) : null;
    }

    private static (ImportTimestampField Field, BoundOperator Operator) BoundOf(string name) =>
        (from field in TimestampFields from op in Operators where BoundParameter(field, op) == name select (field, op)).Single();

    /// <summary>The sort; null when it is wrong (each problem is reported).</summary>
    private static ImportSort? ParseSort(IReadOnlyList<SentParameter> sent, List<ParameterError> errors)
    {
        var count = errors.Count;
        var sorts = new List<(string Name, ImportSortKey Key, SortDirection? Direction)>();
        foreach (var (name, value) in sent)
        {
            var key = SortKeys.Single(k => SortParameter(k) == name);
            if (TryParseDirection(value, out var direction))
            {
                sorts.Add((name, key, direction));
            }
            else
            {
                sorts.Add((name, key, null));
                errors.Add(new ParameterError(name, $"{name} must be asc or desc."));
            }
        }

        var timestampSorts = sorts.Where(s => s.Key != ImportSortKey.Id).ToArray();
        if (timestampSorts.Length > 1)
        {
            errors.AddRange(timestampSorts.Select(s => new ParameterError(s.Name,
                "Sort by at most one of created_at and updated_at; id is always the final tiebreaker.")));
            return null;
        }

        var id = sorts.Find(s => s.Key == ImportSortKey.Id);
        if (timestampSorts is [{ Direction: { } keyDirection } timestampSort] && id.Direction is { } idDirection && idDirection != keyDirection)
        {
            errors.Add(new ParameterError(id.Name,
                $"{id.Name} is the tiebreaker of {timestampSort.Name} and must go the same way ({Name(keyDirection)}), or be left out."));
        }

        if (errors.Count != count)
        {
            return null;
        }

        return timestampSorts is [var only]
            ? new ImportSort(only.Key, only.Direction!.Value)
            : new ImportSort(ImportSortKey.Id, id.Direction ?? SortDirection.Descending);
    }
}
