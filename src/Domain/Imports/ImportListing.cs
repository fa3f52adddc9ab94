namespace ImportsService.Domain.Imports;

/// <summary>What a walk through the imports lists: which rows (filter) in which order (sort).</summary>
public sealed record ImportListing(ImportFilter Filter, ImportSort Sort)
{
    public static ImportListing Default { get; } = new(ImportFilter.None, ImportSort.Default);

    /// <summary>The keyset position just after <paramref name="record"/> in this listing's order.</summary>
    public KeysetPosition PositionAfter(Import record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Sort.Key switch
        {
            ImportSortKey.CreatedAt => new KeysetPosition(record.CreatedAt, record.Id),
            ImportSortKey.UpdatedAt => new KeysetPosition(record.UpdatedAt, record.Id),
            _ => new KeysetPosition(null, record.Id),
        };
    }
}
