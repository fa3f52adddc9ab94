using FluentValidation;
using ImportsService.Application.Common.Parameters;
using ImportsService.Domain.Imports;
using static ImportsService.Application.Imports.ListImports.ListImportsParameters;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// Every 400 of List Imports: each rule reports under the parameter name the client sent, and each message says what
/// is allowed. The rules between parameters (one bound per side, one timestamp sort, the id tiebreaker's direction, a
/// cursor that must belong to the listing named beside it) are here as well.
/// </summary>
internal sealed class ListImportsQueryValidator : AbstractValidator<ListImportsQuery>
{
    public static readonly string TwoCursorsMessage =
        $"{StartCursor} and {NextCursor} are two names for one parameter, and they hold different cursors here. Send one of them.";

    public static readonly string PerPageMessage =
        $"{PerPage} must be a whole number from {ListingLimits.MinPerPage} to {ListingLimits.MaxPerPage} (default {ListingLimits.DefaultPerPage}).";

    public const string TwoTimestampSortsMessage = "Sort by at most one of created_at and updated_at; id is always the final tiebreaker.";

    public ListImportsQueryValidator()
    {
        var listing = new ListingRules();

        RuleForEach(q => q.UnknownParameters).MustUnderSentName(name => name, (_, _) => false, (_, name) => UnknownParameter(name));
        RuleForEach(q => q.RepeatedParameters).MustUnderSentName(name => name, (_, _) => false, (_, name) => SentParameterRules.Repeated(name));
        RuleFor(q => q.PerPageParameter)
            .InclusiveBetween(ListingLimits.MinPerPage, ListingLimits.MaxPerPage)
            .OverridePropertyName(PerPage)
            .WithMessage(PerPageMessage);
        Include(listing);

        RuleForEach(q => q.CursorParameters)
            .MustUnderSentName(c => c.Name, (q, _) => q.CursorParameters.Count == 1, (_, _) => TwoCursorsMessage);
        RuleForEach(q => q.CursorParameters)
            .MustUnderSentName(c => c.Name, (_, c) => c.Cursor is not null, (_, c) => InvalidCursor(c.Name))
            .When(q => q.CursorParameters.Count == 1);

        // Compared only when the request's own listing is valid: a listing that does not read cannot be said to differ.
        RuleForEach(q => q.CursorParameters)
            .MustUnderSentName(c => c.Name, (q, c) => c.Cursor is not { } cursor || !q.NamesListing || cursor.Listing == q.RequestedListing, (_, c) => CursorListingMismatch(c.Name))
            .When(q => q.CursorParameters.Count == 1 && listing.Validate(q).IsValid);
    }

    /// <summary>The message for a cursor that does not verify, under the name the client used.</summary>
    public static string InvalidCursor(string name) =>
        $"{name} is not a cursor this endpoint issued for this account. Pass the start_cursor or next_cursor " +
        $"of a previous response unchanged, or leave {name} out to get the first page.";

    /// <summary>The message for a cursor whose listing differs from the request's, under the name the client used.</summary>
    public static string CursorListingMismatch(string name) =>
        $"{name} belongs to a listing with other filters or sort. Send it alone to resume that listing, or " +
        "with exactly the filters and sort it was made with (see filtered_by and sorted_by of the response it came from).";

    /// <summary>The message for a name List Imports does not take: what it takes instead.</summary>
    public static string UnknownParameter(string name)
    {
        string[] offsetPagingNames = ["page", "offset", "limit", "skip", "cursor", "page_size", "after", "before"];
        if (offsetPagingNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return $"Unknown parameter {name}. This endpoint pages by cursor: pass {StartCursor}=<next_cursor of the previous response> " +
                   $"({NextCursor}=<…> works too), and {PerPage} ({ListingLimits.MinPerPage} to {ListingLimits.MaxPerPage}) for the page size.";
        }

        var filters = $"{StatusInclude}, " + string.Join(", ", TimestampFields.Select(f => $"filter[{Name(f)}][{string.Join('|', Operators.Select(Name))}]"));
        var sorts = string.Join(", ", SortKeys.Select(SortParameter));
        if (name.StartsWith("filter", StringComparison.Ordinal))
        {
            return $"Unknown filter {name}. Allowed: {filters}.";
        }

        if (name.StartsWith("sort", StringComparison.Ordinal))
        {
            return $"Unknown sort {name}. Allowed: {sorts}, each asc or desc.";
        }

        return $"Unknown parameter {name}. Allowed: {StartCursor}, {PerPage}, {filters}, {sorts}, and {NextCursor} (another name for {StartCursor}).";
    }

    /// <summary>The rules of the filter and sort parameters, which together name the listing.</summary>
    private sealed class ListingRules : AbstractValidator<ListImportsQuery>
    {
        public ListingRules()
        {
            RuleFor(q => q.StatusParameter)
                .Must(statuses => statuses!.Set is not null)
                .When(q => q.StatusParameter is not null)
                .OverridePropertyName(StatusInclude)
                .WithMessage((_, statuses) => StatusMessage(statuses!.UnknownNames));

            RuleForEach(q => q.BoundParameters)
                .MustUnderSentName(b => b.Name, (_, b) => b.Value is not null, (_, b) => $"{b.Name} {TimestampText.Allowed}");

            RuleForEach(q => BySide(q.BoundParameters))
                .MustUnderSentName(
                    b => b.Name,
                    (q, b) => q.BoundParameters.Count(o => o.Field == b.Field && o.Operator.IsLower() == b.Operator.IsLower()) == 1,
                    (_, b) => $"filter[{Name(b.Field)}] takes at most one {(b.Operator.IsLower() ? "lower bound (gt or gte)" : "upper bound (lt or lte)")}; " +
                              "combine one lower and one upper bound for a range.");

            RuleForEach(q => q.SortParameters)
                .MustUnderSentName(s => s.Name, (_, s) => s.Direction is not null, (_, s) => $"{s.Name} must be asc or desc.");
            RuleForEach(q => q.SortParameters)
                .MustUnderSentName(s => s.Name, (q, s) => s.Key == ImportSortKey.Id || TimestampSorts(q).Count() == 1, (_, _) => TwoTimestampSortsMessage);
            RuleForEach(q => q.SortParameters)
                .MustUnderSentName(s => s.Name, (q, s) => s.Key != ImportSortKey.Id || IdGoesTheSameWay(q, s), (q, s) => TiebreakerMessage(q, s));
        }

        /// <summary>Each side's bounds together (sides in the order first sent), so each side's names are reported together.</summary>
        private static IEnumerable<SentBound> BySide(IEnumerable<SentBound> bounds) => bounds.GroupBy(b => (b.Field, b.Operator.IsLower())).SelectMany(side => side);

        private static IEnumerable<SentSort> TimestampSorts(ListImportsQuery query) => query.SortParameters.Where(s => s.Key != ImportSortKey.Id);

        private static bool IdGoesTheSameWay(ListImportsQuery query, SentSort id) =>
            TimestampSorts(query).ToArray() is not [{ Direction: { } keyDirection }] || id.Direction is not { } idDirection || idDirection == keyDirection;

        private static string TiebreakerMessage(ListImportsQuery query, SentSort id)
        {
            var timestampSort = TimestampSorts(query).First();
            return $"{id.Name} is the tiebreaker of {timestampSort.Name} and must go the same way ({Name(timestampSort.Direction!.Value)}), or be left out.";
        }

        private static string StatusMessage(IReadOnlyList<string> unknown)
        {
            var what = unknown.Count == 0 ? "names no status" : "has unknown statuses: " + string.Join(", ", unknown.Select(n => $"'{n}'"));
            return $"{StatusInclude} {what}. It takes a comma-separated list of: {ImportStatusText.AllowedList}.";
        }
    }
}
