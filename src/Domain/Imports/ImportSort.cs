namespace ImportsService.Domain.Imports;

/// <summary>A sort on one key, with <c>id</c> in the same direction as the tiebreaker.</summary>
public sealed record ImportSort(ImportSortKey Key, SortDirection Direction)
{
    public static ImportSort Default { get; } = new(ImportSortKey.Id, SortDirection.Descending);
}
