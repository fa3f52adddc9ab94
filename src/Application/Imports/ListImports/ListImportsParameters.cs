using ImportsService.Application.Common.Parameters;
using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.ListImports;

/// <summary>
/// The List Imports parameters: every name a client may send, what each takes, and the wire names of the
/// listing's parts (the same names <c>filtered_by</c> and <c>sorted_by</c> echo). The query's reading, the
/// validator's messages, the response and the API description read them from here.
/// </summary>
public static class ListImportsParameters
{
    public const string StartCursor = "start_cursor";

    /// <summary>Another name for <see cref="StartCursor"/>: Fleetio's pagination guide and connectors send it.</summary>
    public const string NextCursor = "next_cursor";
    public const string PerPage = "per_page";
    public const string StatusFilter = "status";
    public const string StatusInclude = "filter[status][include]";

    public static IReadOnlyList<ImportTimestampField> TimestampFields { get; } = [ImportTimestampField.CreatedAt, ImportTimestampField.UpdatedAt];

    public static IReadOnlyList<ImportSortKey> SortKeys { get; } = [ImportSortKey.Id, ImportSortKey.CreatedAt, ImportSortKey.UpdatedAt];

    public static IReadOnlyList<BoundOperator> Operators { get; } =
        [BoundOperator.LessThan, BoundOperator.LessThanOrEqual, BoundOperator.GreaterThan, BoundOperator.GreaterThanOrEqual];

    public static IReadOnlyList<string> Directions { get; } = ["asc", "desc"];

    /// <summary>The table: cursor, page size, status filter, each timestamp bound, each sort, in that order.</summary>
    public static ParameterTable Table { get; } = new(Describe());

    public static string Name(ImportTimestampField field) => field switch
    {
        ImportTimestampField.CreatedAt => "created_at",
        ImportTimestampField.UpdatedAt => "updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static string Name(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "id",
        ImportSortKey.CreatedAt => "created_at",
        ImportSortKey.UpdatedAt => "updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string Name(SortDirection direction) => direction == SortDirection.Ascending ? "asc" : "desc";

    public static string Name(BoundOperator op) => op switch
    {
        BoundOperator.LessThan => "lt",
        BoundOperator.LessThanOrEqual => "lte",
        BoundOperator.GreaterThan => "gt",
        BoundOperator.GreaterThanOrEqual => "gte",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary><c>filter[created_at][gte]</c>.</summary>
    public static string BoundParameter(ImportTimestampField field, BoundOperator op) => $"filter[{Name(field)}][{Name(op)}]";

    /// <summary><c>sort[created_at]</c>.</summary>
    public static string SortParameter(ImportSortKey key) => $"sort[{Name(key)}]";

    public static bool TryParseDirection(string? text, out SortDirection direction)
    {
        direction = text == "asc" ? SortDirection.Ascending : SortDirection.Descending;
        return text is "asc" or "desc";
    }

    private static IEnumerable<ParameterDescription> Describe()
    {
        yield return new ParameterDescription(StartCursor, ParameterValueKind.Text,
            "Resume a listing: the start_cursor or next_cursor of a previous response, unchanged. Alone, it resumes that " +
            "listing's filters, sort and page size; with filters or sorts, they must equal the cursor's.");
        yield return new ParameterDescription(NextCursor, ParameterValueKind.Text,
            $"Another name for {StartCursor} (the name Fleetio's pagination guide uses): pass the next_cursor of the previous response. " +
            $"Sent together with {StartCursor}, both must hold the same cursor.")
        {
            SynonymOf = StartCursor,
        };
        yield return new ParameterDescription(PerPage, ParameterValueKind.WholeNumber, "Records per page.")
        {
            Minimum = ListingLimits.MinPerPage,
            Maximum = ListingLimits.MaxPerPage,
            Default = ListingLimits.DefaultPerPage,
        };
        yield return new ParameterDescription(StatusInclude, ParameterValueKind.ListOf, "Only imports in one of these statuses (comma-separated).")
        {
            AllowedValues = ImportStatusText.All,
        };
        foreach (var field in TimestampFields)
        {
            foreach (var op in Operators)
            {
                var comparison = op switch
                {
                    BoundOperator.LessThan => "before",
                    BoundOperator.LessThanOrEqual => "at or before",
                    BoundOperator.GreaterThan => "after",
                    _ => "at or after",
                };
                yield return new ParameterDescription(BoundParameter(field, op), ParameterValueKind.Timestamp,
                    $"Only imports whose {Name(field)} is {comparison} this instant. At most one lower (gt, gte) and one upper (lt, lte) bound per column.");
            }
        }

        foreach (var key in SortKeys)
        {
            var what = key == ImportSortKey.Id
                ? "Sort by id (the default, desc). Always the final tiebreaker; with a timestamp sort it must go the same way."
                : $"Sort by {Name(key)}, then id the same way. At most one of sort[created_at] and sort[updated_at].";
            yield return new ParameterDescription(SortParameter(key), ParameterValueKind.OneOf, what) { AllowedValues = Directions };
        }
    }
}
