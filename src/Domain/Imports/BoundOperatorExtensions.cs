namespace ImportsService.Domain.Imports;

public static class BoundOperatorExtensions
{
    /// <summary>True for gt and gte, which bound a range from below.</summary>
    public static bool IsLower(this BoundOperator op) => op is BoundOperator.GreaterThan or BoundOperator.GreaterThanOrEqual;

    /// <summary>True for gte and lte, which admit the bound's own value.</summary>
    public static bool IsInclusive(this BoundOperator op) => op is BoundOperator.GreaterThanOrEqual or BoundOperator.LessThanOrEqual;
}
