namespace ImportsService.Domain.Imports;

/// <summary>How a <see cref="TimestampBound"/> compares: gt and gte are lower bounds, lt and lte upper bounds.</summary>
public enum BoundOperator : byte
{
    LessThan = 0,
    LessThanOrEqual = 1,
    GreaterThan = 2,
    GreaterThanOrEqual = 3,
}
