using FluentValidation;
using FluentValidation.Results;
using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// Every 400 of the List Imports contract. Each failure is reported under the parameter name the client
/// sent, and says what was wrong and what is allowed.
/// </summary>
internal sealed class ListImportsQueryValidator : AbstractValidator<ListImportsQuery>
{
    internal const string StatusParameter = "filter[status][include]";
    internal const string CursorParameter = "start_cursor";
    internal const string PerPageParameter = "per_page";

    internal const string InvalidCursorMessage =
        "start_cursor is not a cursor this endpoint issued for this account. Pass the start_cursor or next_cursor " +
        "of a previous response unchanged, or leave start_cursor out to get the first page.";

    internal const string CursorListingMismatchMessage =
        "start_cursor belongs to a listing with other filters or sort. Send it alone to resume that listing, or " +
        "with exactly the filters and sort it was made with (see filtered_by and sorted_by of the response it came from).";

    private static readonly string[] OffsetPagingNames = ["page", "offset", "limit", "skip", "cursor", "page_size", "after", "before", "next_cursor"];

    public ListImportsQueryValidator(ImportCursorCodec cursors)
    {
        // Inside RuleForEach, AddFailure(name, message) would prefix the collection's path
        // ("UnknownParameters[0].page"); a ValidationFailure keeps the parameter name as sent.
        RuleForEach(q => q.UnknownParameters).Custom((name, context) =>
            context.AddFailure(new ValidationFailure(name, UnknownParameterMessage(name))));

        RuleForEach(q => q.RepeatedParameters).Custom((name, context) =>
            context.AddFailure(new ValidationFailure(name, $"{name} was given more than once; give it at most once.")));

        RuleFor(q => q.PerPage)
            .Must(text => ListImportsQueryInterpretation.TryParsePerPage(text, out _))
            .When(q => q.PerPage is not null)
            .OverridePropertyName(PerPageParameter)
            .WithMessage($"per_page must be a whole number from {ListingLimits.MinPerPage} to {ListingLimits.MaxPerPage} (default {ListingLimits.DefaultPerPage}).");

        RuleFor(q => q.StatusInclude).Custom((list, context) =>
        {
            if (list is null || StatusSet.TryParse(list, out _, out var unknown))
            {
                return;
            }

            var what = unknown.Count == 0 ? "names no status" : "has unknown statuses: " + string.Join(", ", unknown.Select(n => $"'{n}'"));
            context.AddFailure(StatusParameter, $"{StatusParameter} {what}. It takes a comma-separated list of: {ImportStatusNames.AllowedList}.");
        });

        RuleForEach(q => q.TimestampFilters).Custom((filter, context) =>
        {
            if (!UtcTimestamp.TryParse(filter.Value, out _))
            {
                context.AddFailure(new ValidationFailure(filter.ParameterName,
                    $"{filter.ParameterName} must be an ISO-8601 date (2024-11-21, midnight UTC) or date-time with Z or an offset " +
                    "(2024-11-21T10:15:30Z, 2024-11-21T10:15:30.123456+02:00; in a URL write + as %2B), to at most microseconds."));
            }
        });

        RuleFor(q => q.TimestampFilters).Custom((filters, context) =>
        {
            foreach (var side in filters.GroupBy(f => (f.Field, Lower: f.Operator.IsLower())).Where(g => g.Count() > 1))
            {
                var field = side.Key.Field.ToWireName();
                var kind = side.Key.Lower ? "lower bound (gt or gte)" : "upper bound (lt or lte)";
                foreach (var filter in side)
                {
                    context.AddFailure(filter.ParameterName,
                        $"filter[{field}] takes at most one {kind}; combine one lower and one upper bound for a range.");
                }
            }
        });

        RuleForEach(q => q.Sorts).Custom((sort, context) =>
        {
            if (!ListingWireNames.TryParseDirection(sort.Direction, out _))
            {
                context.AddFailure(new ValidationFailure(sort.ParameterName, $"{sort.ParameterName} must be asc or desc."));
            }
        });

        RuleFor(q => q.Sorts).Custom((sorts, context) =>
        {
            var timestampSorts = sorts.Where(s => s.Key != ImportSortKey.Id).ToArray();
            if (timestampSorts.Length > 1)
            {
                foreach (var sort in timestampSorts)
                {
                    context.AddFailure(sort.ParameterName,
                        "Sort by at most one of created_at and updated_at; id is always the final tiebreaker.");
                }

                return;
            }

            var idSort = sorts.FirstOrDefault(s => s.Key == ImportSortKey.Id);
            if (timestampSorts.Length == 1 && idSort is not null
                && ListingWireNames.TryParseDirection(idSort.Direction, out var idDirection)
                && ListingWireNames.TryParseDirection(timestampSorts[0].Direction, out var keyDirection)
                && idDirection != keyDirection)
            {
                context.AddFailure(idSort.ParameterName,
                    $"{idSort.ParameterName} is the tiebreaker of {timestampSorts[0].ParameterName} and must go the same way " +
                    $"({keyDirection.ToWireName()}), or be left out.");
            }
        });

        RuleFor(q => q).Custom((query, context) =>
        {
            if (string.IsNullOrEmpty(query.StartCursor))
            {
                return;
            }

            if (!cursors.TryDecode(query.StartCursor, query.AccountId, out var cursor) || cursor is null)
            {
                context.AddFailure(CursorParameter, InvalidCursorMessage);
            }
            else if (query.NamesListing
                     && ListImportsQueryInterpretation.TryToListing(query, out var listing)
                     && listing != cursor.Listing)
            {
                context.AddFailure(CursorParameter, CursorListingMismatchMessage);
            }
        });
    }

    private static string UnknownParameterMessage(string name)
    {
        if (OffsetPagingNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return $"Unknown parameter {name}. This endpoint pages by cursor: pass start_cursor=<next_cursor of the previous response>, " +
                   $"and per_page ({ListingLimits.MinPerPage} to {ListingLimits.MaxPerPage}) for the page size.";
        }

        if (name.StartsWith("filter", StringComparison.Ordinal))
        {
            return $"Unknown filter {name}. Allowed: filter[status][include], filter[created_at][lt|lte|gt|gte], filter[updated_at][lt|lte|gt|gte].";
        }

        if (name.StartsWith("sort", StringComparison.Ordinal))
        {
            return $"Unknown sort {name}. Allowed: sort[id], sort[created_at], sort[updated_at], each asc or desc.";
        }

        return $"Unknown parameter {name}. Allowed: start_cursor, per_page, filter[status][include], " +
               "filter[created_at][lt|lte|gt|gte], filter[updated_at][lt|lte|gt|gte], sort[id], sort[created_at], sort[updated_at].";
    }
}
