using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// The four timestamp bounds a listing can use, each with the column it constrains and the parameter that
/// carries its value. The SQL (from a shape's operators) and the values (from a request's filter) are both
/// written from this one list, in this order, in every dialect.
/// </summary>
internal static class KeysetBounds
{
    public static IReadOnlyList<Slot> All { get; } =
    [
        new("created_at", ImportParameters.CreatedLower, shape => shape.CreatedLower, filter => filter.CreatedAt.Lower),
        new("created_at", ImportParameters.CreatedUpper, shape => shape.CreatedUpper, filter => filter.CreatedAt.Upper),
        new("updated_at", ImportParameters.UpdatedLower, shape => shape.UpdatedLower, filter => filter.UpdatedAt.Lower),
        new("updated_at", ImportParameters.UpdatedUpper, shape => shape.UpdatedUpper, filter => filter.UpdatedAt.Upper),
    ];

    /// <param name="Operator">The bound's operator in a shape; null when the shape does not use the bound.</param>
    /// <param name="Bound">The bound in a request's filter; null when the request does not use it.</param>
    internal sealed record Slot(
        string Column,
        string Parameter,
        Func<KeysetQueryShape, BoundOperator?> Operator,
        Func<ImportFilter, TimestampBound?> Bound);
}
