namespace ImportsService.Domain.Imports;

/// <summary>The timestamp columns a listing can filter and sort by.</summary>
public enum ImportTimestampField : byte
{
    CreatedAt = 0,
    UpdatedAt = 1,
}

/// <summary>The keys a listing can be sorted by; <see cref="Id"/> is also every sort's final tiebreaker.</summary>
public enum ImportSortKey : byte
{
    Id = 0,
    CreatedAt = 1,
    UpdatedAt = 2,
}

public enum SortDirection : byte
{
    Ascending = 0,
    Descending = 1,
}

public enum BoundOperator : byte
{
    LessThan = 0,
    LessThanOrEqual = 1,
    GreaterThan = 2,
    GreaterThanOrEqual = 3,
}

public static class ListingWireNames
{
    public static string ToWireName(this ImportTimestampField field) => field switch
    {
        ImportTimestampField.CreatedAt => "created_at",
        ImportTimestampField.UpdatedAt => "updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static string ToWireName(this ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "id",
        ImportSortKey.CreatedAt => "created_at",
        ImportSortKey.UpdatedAt => "updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    public static string ToWireName(this SortDirection direction) => direction == SortDirection.Ascending ? "asc" : "desc";

    public static string ToWireName(this BoundOperator op) => op switch
    {
        BoundOperator.LessThan => "lt",
        BoundOperator.LessThanOrEqual => "lte",
        BoundOperator.GreaterThan => "gt",
        BoundOperator.GreaterThanOrEqual => "gte",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool TryParseDirection(string? text, out SortDirection direction)
    {
        direction = text == "asc" ? SortDirection.Ascending : SortDirection.Descending;
        return text is "asc" or "desc";
    }

    public static bool TryParseOperator(string? text, out BoundOperator op)
    {
        (var known, op) = text switch
        {
            "lt" => (true, BoundOperator.LessThan),
            "lte" => (true, BoundOperator.LessThanOrEqual),
            "gt" => (true, BoundOperator.GreaterThan),
            "gte" => (true, BoundOperator.GreaterThanOrEqual),
            _ => (false, default),
        };
        return known;
    }

    public static bool IsLower(this BoundOperator op) => op is BoundOperator.GreaterThan or BoundOperator.GreaterThanOrEqual;
}

/// <summary>One side of a time range: <c>created_at &gt;= 2024-01-01T00:00:00Z</c>.</summary>
public readonly record struct TimestampBound(BoundOperator Operator, UtcTimestamp Value)
{
    public bool Admits(UtcTimestamp candidate) => Operator switch
    {
        BoundOperator.LessThan => candidate < Value,
        BoundOperator.LessThanOrEqual => candidate <= Value,
        BoundOperator.GreaterThan => candidate > Value,
        _ => candidate >= Value,
    };
}

/// <summary>At most one lower bound (gt/gte) and one upper bound (lt/lte) on one timestamp column.</summary>
public sealed record TimeRange
{
    public TimeRange(TimestampBound? lower, TimestampBound? upper)
    {
        if (lower is { } l && !l.Operator.IsLower())
        {
            throw new ArgumentException("A lower bound is gt or gte.", nameof(lower));
        }

        if (upper is { } u && u.Operator.IsLower())
        {
            throw new ArgumentException("An upper bound is lt or lte.", nameof(upper));
        }

        Lower = lower;
        Upper = upper;
    }

    public static TimeRange Unbounded { get; } = new(null, null);

    public TimestampBound? Lower { get; }

    public TimestampBound? Upper { get; }

    public bool IsUnbounded => Lower is null && Upper is null;

    public bool Admits(UtcTimestamp candidate) =>
        (Lower is not { } l || l.Admits(candidate)) && (Upper is not { } u || u.Admits(candidate));
}

/// <summary>The filters of a listing; they combine with AND. A null status set means every status.</summary>
public sealed record ImportFilter(StatusSet? Statuses, TimeRange CreatedAt, TimeRange UpdatedAt)
{
    public static ImportFilter None { get; } = new(null, TimeRange.Unbounded, TimeRange.Unbounded);

    public TimeRange RangeOf(ImportTimestampField field) => field == ImportTimestampField.CreatedAt ? CreatedAt : UpdatedAt;

    public bool Admits(ImportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (Statuses is not { } s || s.Contains(record.Status))
               && CreatedAt.Admits(record.CreatedAt)
               && UpdatedAt.Admits(record.UpdatedAt);
    }
}

/// <summary>A sort on one key, with <c>id</c> in the same direction as the tiebreaker.</summary>
public sealed record ImportSort(ImportSortKey Key, SortDirection Direction)
{
    public static ImportSort Default { get; } = new(ImportSortKey.Id, SortDirection.Descending);
}

/// <summary>What a walk through the imports lists: which rows (filter) in which order (sort).</summary>
public sealed record ImportListing(ImportFilter Filter, ImportSort Sort)
{
    public static ImportListing Default { get; } = new(ImportFilter.None, ImportSort.Default);

    /// <summary>The keyset position just after <paramref name="record"/> in this listing's order.</summary>
    public KeysetPosition PositionAfter(ImportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Sort.Key switch
        {
            ImportSortKey.CreatedAt => new KeysetPosition(record.CreatedAt, record.Id),
            ImportSortKey.UpdatedAt => new KeysetPosition(record.UpdatedAt, record.Id),
            _ => new KeysetPosition(null, record.Id),
        };
    }
}

/// <summary>
/// The last row of a page in sort order: the next page starts strictly after it. <see cref="Timestamp"/>
/// is the sort key's value, absent when the listing sorts by id alone.
/// </summary>
public readonly record struct KeysetPosition(UtcTimestamp? Timestamp, long Id);
