namespace ImportsService.Domain.Imports;

/// <summary>The keys a listing can be sorted by; <see cref="Id"/> is also every sort's final tiebreaker.</summary>
public enum ImportSortKey : byte
{
    Id = 0,
    CreatedAt = 1,
    UpdatedAt = 2,
}
