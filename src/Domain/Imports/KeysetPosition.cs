namespace ImportsService.Domain.Imports;

/// <summary>
/// The last row of a page in sort order: the next page starts strictly after it. <see cref="Timestamp"/>
/// is the sort key's value, absent when the listing sorts by id alone.
/// </summary>
public readonly record struct KeysetPosition(UtcTimestamp? Timestamp, long Id);
