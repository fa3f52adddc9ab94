using System.Globalization;
using static ImportsService.Infrastructure.Keyset.KeysetArguments;

namespace ImportsService.Infrastructure.Keyset;

/// <summary>
/// The per-account id zones the database keeps on every write (migration 0008, ADR 0012), named alike in every dialect:
/// for each block of <see cref="InnerSize"/> ids and each of <see cref="OuterSize"/> ids, a range holding the created_at
/// and updated_at of every import in it. An id seek with a time window walks the outer zones that meet the window, the
/// inner zones of those that meet it, and the ids of those: nested loops in id order, so a page still stops at its
/// LIMIT, and a run of ids created outside the window costs one zone row per zone instead of a row per import.
/// </summary>
internal static class IdZones
{
    public const string Table = "import_id_zones";

    /// <summary>The same zones per status: a status filter's arm walks those of its status, so a rare status has few to walk.</summary>
    public const string StatusTable = "import_status_id_zones";

    public const int InnerSize = 256;

    public const int OuterSize = InnerSize * InnerSize;

    public const string Outer = "outer_zone";

    public const string Inner = "inner_zone";

    private static readonly string Fanout = InnerSize.ToString(CultureInfo.InvariantCulture);

    /// <summary>The zones' order, then the id's: the order the nested loops produce, which is id order.</summary>
    public static string OrderBy(KeysetQueryShape shape) => $"{Outer}.zone_no {shape.Order()}, {Inner}.zone_no {shape.Order()}, id {shape.Order()}";

    /// <summary>
    /// Every predicate of the walk but those on imports' own columns other than id: each zone level's
    /// (<see cref="Levels"/>, within the position's range), then the ids of the inner zone within the position's and the
    /// creation-order marks' range (<see cref="KeysetQueryShape.IdRange"/>, <paramref name="markId"/> reading a mark).
    /// The marks bound the ids only: the zones' overlap with the window already skips the zones before them, and each
    /// subquery in the text costs SQLite preparing it on every request. Each side is the greatest (least) of its values,
    /// folded pairwise with the later one second, so a missing mark (NULL) makes it NULL and the walk reads nothing, as
    /// no import matches then. With a <paramref name="status"/> (a status arm's value), the zones are those of
    /// <see cref="StatusTable"/>.
    /// </summary>
    public static IEnumerable<string> Walk(
        KeysetQueryShape shape,
        string? status,
        Func<KeysetBound, string> markId,
        Func<string, string, string> greatest,
        Func<string, string, string> least)
    {
        ArgumentNullException.ThrowIfNull(markId);
        var (lower, upper) = shape.IdRange(markId);
        var (positionLower, positionUpper) = shape.IdRange(markId: null);
        return
        [
            .. Levels(shape, status, Fold(positionLower, greatest), Fold(positionUpper, least), greatest, least),
            .. Within("id", Inner, Fold(lower, greatest), Fold(upper, least), greatest, least),
        ];
    }

    /// <summary>
    /// Each zone level's predicates (<see cref="Level"/>), the outer zones' then the inner zones'.
    /// </summary>
    public static IEnumerable<string> Levels(
        KeysetQueryShape shape,
        string? status,
        string? lowerId,
        string? upperId,
        Func<string, string, string> greatest,
        Func<string, string, string> least) =>
        [
            .. Level(shape, status, Outer, lowerId, upperId, greatest, least),
            .. Level(shape, status, Inner, lowerId, upperId, greatest, least),
        ];

    /// <summary>
    /// One zone level's predicates: its account (and status), its size, its share of the id range (an inner zone also
    /// within its outer zone), and the window's overlap with its ranges.
    /// </summary>
    public static IEnumerable<string> Level(
        KeysetQueryShape shape,
        string? status,
        string zone,
        string? lowerId,
        string? upperId,
        Func<string, string, string> greatest,
        Func<string, string, string> least)
    {
        ArgumentNullException.ThrowIfNull(greatest);
        ArgumentNullException.ThrowIfNull(least);
        var (size, parent) = zone == Outer ? (OuterSize, (string?)null) : (InnerSize, Outer);
        var sizeText = size.ToString(CultureInfo.InvariantCulture);
        yield return $"{zone}.account_id = @{AccountId}";
        if (status is not null)
        {
            yield return $"{zone}.zone_status = {status}";
        }

        yield return $"{zone}.zone_size = {sizeText}";
        foreach (var range in Within($"{zone}.zone_no", parent, lowerId is null ? null : $"({lowerId}) / {sizeText}", upperId is null ? null : $"({upperId}) / {sizeText}", greatest, least))
        {
            yield return range;
        }

        foreach (var bound in shape.Bounds())
        {
            yield return Meets(zone, bound);
        }
    }

    /// <summary>
    /// The scalar subquery a timestamp seek's <see cref="KeysetQueryShape.ZoneBoundedSide"/> is bounded by: the least
    /// (lower side) or greatest sort key of the imports within the bounds, over the outer zones that meet every bound
    /// (<see cref="Level"/>). An outer zone inside every bound gives its own range's end, so a window over most of the
    /// history reads a few outer zones; one the window crosses takes the same over its inner zones that meet it. An inner
    /// zone gives its own range's end when it lies inside every bound, or when its sort key spans no more than a sixteenth
    /// of its outer zone's (as dense zones do: there the end is within about a zone of imports of the exact value). A
    /// sparse zone, such as back-filled imports spanning months, would stretch the bound that far: it reads its at most
    /// <see cref="InnerSize"/> imports from <paramref name="imports"/> instead. Each level's values are aggregated from a
    /// derived table, as T-SQL aggregates no subquery. <paramref name="zones"/> writes a zone table's source under an
    /// alias; <paramref name="span"/> is the dialect's difference of two timestamps, in any unit. With a
    /// <paramref name="status"/> (a status arm's value) the zones are that status's, and a zone's read is of that status.
    /// NULL when no import is within the bounds.
    /// </summary>
    public static string SortKeyExtreme(
        KeysetQueryShape shape,
        bool lower,
        string? status,
        Func<string, string> zones,
        string imports,
        Func<string, string, string> span,
        Func<string, string, string> greatest,
        Func<string, string, string> least)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(span);
        var column = shape.SortColumn();
        var (aggregate, end) = lower ? ("min", "min_") : ("max", "max_");
        var bounds = shape.Bounds();
        string Inside(string zone) => string.Join(" AND ", bounds.Select(bound => $"{zone}.{(bound.IsLower ? "min_" : "max_")}{bound.Column} {bound.Comparison} {bound.Placeholder}"));
        string Of(string zone, string value) =>
            $"(SELECT {aggregate}(zone_value) FROM (SELECT {value} AS zone_value FROM {zones(zone)} "
            + $"WHERE {string.Join(" AND ", Level(shape, status, zone, null, null, greatest, least))}) AS {zone}_values)";
        var dense = $"{span($"{Inner}.max_{column}", $"{Inner}.min_{column}")} * 16 <= {span($"{Outer}.max_{column}", $"{Outer}.min_{column}")}";
        string[] read =
        [
            $"imports.account_id = @{AccountId}",
            .. status is null ? Array.Empty<string>() : [$"status = {status}"],
            $"id >= {Inner}.zone_no * {Fanout}",
            $"id <= {Inner}.zone_no * {Fanout} + {Fanout} - 1",
            .. bounds.Select(bound => bound.Predicate),
        ];
        var inner = Of(Inner, $"CASE WHEN ({Inside(Inner)}) OR {dense} THEN {Inner}.{end}{column} "
                              + $"ELSE (SELECT {aggregate}({column}) FROM {imports} WHERE {string.Join(" AND ", read)}) END");
        return Of(Outer, $"CASE WHEN {Inside(Outer)} THEN {Outer}.{end}{column} ELSE {inner} END");
    }

    private static string? Fold(IReadOnlyList<string> values, Func<string, string, string> pick) =>
        values.Count == 0 ? null : values.Skip(1).Aggregate(values[0], pick);

    /// <summary>A zone may hold an import within the bound: <c>outer_zone.max_created_at &gt;= @created_lower</c>.</summary>
    public static string Meets(string zone, KeysetBound bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        return $"{zone}.{(bound.IsLower ? "max_" : "min_")}{bound.Column} {bound.Comparison} {bound.Placeholder}";
    }

    /// <summary>
    /// One range on a level's key (a zone number, or the id): within its parent zone's children, and within the id range
    /// in the level's units. One inclusive range on each side, so the seek starts and stops there.
    /// </summary>
    private static IEnumerable<string> Within(
        string key,
        string? parent,
        string? lower,
        string? upper,
        Func<string, string, string> greatest,
        Func<string, string, string> least)
    {
        var first = parent is null ? null : $"{parent}.zone_no * {Fanout}";
        var last = parent is null ? null : $"{parent}.zone_no * {Fanout} + {Fanout} - 1";
        var from = (first, lower) switch
        {
            (null, null) => null,
            (null, _) => lower,
            (_, null) => first,
            _ => greatest(first, lower),
        };
        var to = (last, upper) switch
        {
            (null, null) => null,
            (null, _) => upper,
            (_, null) => last,
            _ => least(last, upper),
        };
        if (from is not null)
        {
            yield return $"{key} >= {from}";
        }

        if (to is not null)
        {
            yield return $"{key} <= {to}";
        }
    }
}
