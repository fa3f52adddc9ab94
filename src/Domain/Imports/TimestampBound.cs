namespace ImportsService.Domain.Imports;

/// <summary>One side of a time range: <c>created_at &gt;= 2024-01-01T00:00:00Z</c>.</summary>
public readonly record struct TimestampBound(BoundOperator Operator, UtcTimestamp Value);
