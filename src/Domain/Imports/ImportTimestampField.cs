namespace ImportsService.Domain.Imports;

/// <summary>The timestamp columns a listing can filter and sort by.</summary>
public enum ImportTimestampField : byte
{
    CreatedAt = 0,
    UpdatedAt = 1,
}
