using ImportsService.Domain.Imports;

namespace ImportsService.Tests.Shared;

/// <summary>
/// What tests need of the domain types and production does not: building a status set from members,
/// and deciding in memory whether a row belongs to a listing (the oracle the database answers are checked against).
/// </summary>
#pragma warning disable CA1708 // C# 14 extension blocks get compiler-generated names that the rule misreads.
public static class DomainTestExtensions
{
    extension(ImportStatusSet)
    {
        public static ImportStatusSet Of(params ImportStatus[] statuses) =>
            ImportStatusSet.FromMask(statuses.Aggregate(0, (mask, status) => mask | (1 << (int)status)));
    }

    extension(TimestampBound bound)
    {
        public bool Admits(UtcTimestamp candidate) => bound.Operator switch
        {
            BoundOperator.LessThan => candidate < bound.Value,
            BoundOperator.LessThanOrEqual => candidate <= bound.Value,
            BoundOperator.GreaterThan => candidate > bound.Value,
            _ => candidate >= bound.Value,
        };
    }

    extension(TimeRange range)
    {
        public bool IsUnbounded => range.Lower is null && range.Upper is null;

        public bool Admits(UtcTimestamp candidate) =>
            (range.Lower is not { } l || l.Admits(candidate)) && (range.Upper is not { } u || u.Admits(candidate));
    }

    public static bool Admits(this ImportFilter filter, Import record)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(record);
        return (filter.Statuses is not { } s || s.Contains(record.Status))
               && filter.CreatedAt.Admits(record.CreatedAt)
               && filter.UpdatedAt.Admits(record.UpdatedAt);
    }
}
#pragma warning restore CA1708
