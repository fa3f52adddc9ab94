using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Keyset;

namespace ImportsService.IntegrationTests.Support;

internal static class KeysetQueryShapes
{
    /// <summary>Every shape a request can produce: 3 sort keys × 2 directions × 2 × 3⁴ bound operators × 2 = 1,944.</summary>
    public static IEnumerable<KeysetQueryShape> All()
    {
        BoundOperator?[] lowers = [null, BoundOperator.GreaterThan, BoundOperator.GreaterThanOrEqual];
        BoundOperator?[] uppers = [null, BoundOperator.LessThan, BoundOperator.LessThanOrEqual];
        foreach (var key in Enum.GetValues<ImportSortKey>())
        {
            foreach (var direction in Enum.GetValues<SortDirection>())
            {
                foreach (var status in new[] { false, true })
                {
                    foreach (var createdLower in lowers)
                    {
                        foreach (var createdUpper in uppers)
                        {
                            foreach (var updatedLower in lowers)
                            {
                                foreach (var updatedUpper in uppers)
                                {
                                    foreach (var position in new[] { false, true })
                                    {
                                        yield return new KeysetQueryShape(key, direction, status, createdLower, createdUpper, updatedLower, updatedUpper, position);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
