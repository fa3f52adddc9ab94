using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Keyset;

/// <summary>A timestamp bound of a shape: the column it constrains, its operator, and the parameter that carries its value.</summary>
internal sealed record KeysetBound(string Column, BoundOperator Operator, string Parameter)
{
    // One table for the SQL (from a shape's operators) and the values (from a request's filter), so the two cannot drift.
    private static readonly Slot[] Slots =
    [
        new("created_at", "created_lower", shape => shape.CreatedLower, filter => filter.CreatedAt.Lower),
        new("created_at", "created_upper", shape => shape.CreatedUpper, filter => filter.CreatedAt.Upper),
        new("updated_at", "updated_lower", shape => shape.UpdatedLower, filter => filter.UpdatedAt.Lower),
        new("updated_at", "updated_upper", shape => shape.UpdatedUpper, filter => filter.UpdatedAt.Upper),
    ];

    public bool IsLower => Operator.IsLower();

    public string Comparison => Operator switch
    {
        BoundOperator.LessThan => "<",
        BoundOperator.LessThanOrEqual => "<=",
        BoundOperator.GreaterThan => ">",
        BoundOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(Operator), Operator, null),
    };

    /// <summary><c>@created_upper</c>.</summary>
    public string Placeholder => "@" + Parameter;

    /// <summary><c>created_at &lt; @created_upper</c>.</summary>
    public string Predicate => $"{Column} {Comparison} {Placeholder}";

    public static IReadOnlyList<KeysetBound> Of(KeysetQueryShape shape) =>
        [.. Slots.Where(slot => slot.Operator(shape) is not null).Select(slot => new KeysetBound(slot.Column, slot.Operator(shape)!.Value, slot.Parameter))];

    /// <summary>The value of every bound a filter sets, under the parameter its statements name.</summary>
    public static IEnumerable<(string Parameter, UtcTimestamp Value)> Values(ImportFilter filter)
    {
        foreach (var slot in Slots)
        {
            if (slot.Bound(filter) is { } bound)
            {
                yield return (slot.Parameter, bound.Value);
            }
        }
    }

    private sealed record Slot(
        string Column,
        string Parameter,
        Func<KeysetQueryShape, BoundOperator?> Operator,
        Func<ImportFilter, TimestampBound?> Bound);
}
