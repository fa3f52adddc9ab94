using System.Globalization;

namespace ImportsService.Domain.Imports;

/// <summary>
/// An instant in UTC at microsecond precision: the one precision the store keeps, so that a value read
/// from a row, written into a cursor and sent back as a query parameter compares equal to the row again.
/// </summary>
public readonly record struct UtcTimestamp : IComparable<UtcTimestamp>
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private UtcTimestamp(long microseconds) => UnixMicroseconds = microseconds;

    /// <summary>Microseconds since 1970-01-01T00:00:00Z: the stored form in SQLite and in cursors.</summary>
    public long UnixMicroseconds { get; }

    public static UtcTimestamp MinValue { get; } = FromDateTime(DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc));

    public static UtcTimestamp MaxValue { get; } = new((DateTime.MaxValue.Ticks - UnixEpochTicks) / TicksPerMicrosecond);

    public static UtcTimestamp FromUnixMicroseconds(long microseconds) =>
        microseconds >= MinValue.UnixMicroseconds && microseconds <= MaxValue.UnixMicroseconds
            ? new UtcTimestamp(microseconds)
            : throw new ArgumentOutOfRangeException(nameof(microseconds), microseconds, "Outside the range of DateTime.");

    public static bool TryFromUnixMicroseconds(long microseconds, out UtcTimestamp timestamp)
    {
        var inRange = microseconds >= MinValue.UnixMicroseconds && microseconds <= MaxValue.UnixMicroseconds;
        timestamp = inRange ? new UtcTimestamp(microseconds) : default;
        return inRange;
    }

    /// <summary>Converts a UTC (or unspecified, taken as UTC) date-time, truncating below a microsecond.</summary>
    public static UtcTimestamp FromDateTime(DateTime value)
    {
        if (value.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("A local date-time is ambiguous; pass UTC.", nameof(value));
        }

        return new UtcTimestamp(Math.DivRem(value.Ticks - UnixEpochTicks, TicksPerMicrosecond, out var rest) - (rest < 0 ? 1 : 0));
    }

    public static UtcTimestamp FromDateTimeOffset(DateTimeOffset value) => FromDateTime(value.UtcDateTime);

    public DateTime ToDateTime() => new(UnixEpochTicks + (UnixMicroseconds * TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>RFC 3339 in UTC with a <c>Z</c>, trailing fractional zeros dropped: <c>2024-11-21T10:15:30.1234Z</c>.</summary>
    public override string ToString() => ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);

    public int CompareTo(UtcTimestamp other) => UnixMicroseconds.CompareTo(other.UnixMicroseconds);

    public static bool operator <(UtcTimestamp left, UtcTimestamp right) => left.CompareTo(right) < 0;

    public static bool operator >(UtcTimestamp left, UtcTimestamp right) => left.CompareTo(right) > 0;

    public static bool operator <=(UtcTimestamp left, UtcTimestamp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(UtcTimestamp left, UtcTimestamp right) => left.CompareTo(right) >= 0;
}
