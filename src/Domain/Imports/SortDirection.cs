namespace ImportsService.Domain.Imports;

public enum SortDirection : byte
{
    Ascending = 0,
    Descending = 1,
}
