namespace ImportsService.Infrastructure.Keyset;

/// <summary>
/// The per-account staircases the database keeps on every write (migration 0007, ADR 0010), named alike in every
/// dialect. A ceiling: every import created before T (at or before T) has an id at most that of the newest suffix
/// minimum created before T (at or before T). A floor: every import created after T (at or after T) has an id at least
/// that of the oldest prefix maximum created after T (at or after T). No such mark means no such import.
/// </summary>
internal static class CreationOrderMarks
{
    public const string SuffixMinima = "import_created_suffix_minima";

    public const string SuffixMinimaIndex = "ix_import_created_suffix_minima_created_at";

    public const string PrefixMaxima = "import_created_prefix_maxima";

    public const string PrefixMaximaIndex = "ix_import_created_prefix_maxima_created_at";

    /// <summary>The mark's filter, its order and the table it reads, for a bound the shape turns into an id bound.</summary>
    public static (string Table, string Index, string Where, string OrderBy) Lookup(KeysetBound bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        var where = $"account_id = @{KeysetArguments.AccountId} AND created_at {bound.Comparison} {bound.Placeholder}";
        return bound.IsLower
            ? (PrefixMaxima, PrefixMaximaIndex, where, "created_at ASC")
            : (SuffixMinima, SuffixMinimaIndex, where, "created_at DESC");
    }
}
