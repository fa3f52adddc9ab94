namespace ImportsService.Domain.Imports;

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
}
