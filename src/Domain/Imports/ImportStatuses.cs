namespace ImportsService.Domain.Imports;

/// <summary>The ten statuses as a set to enumerate and check against.</summary>
public static class ImportStatuses
{
    public const int Count = 10;

    /// <summary>Every status in stored-code order, which is also the canonical order of a status list.</summary>
    public static IReadOnlyList<ImportStatus> All { get; } = Enumerable.Range(0, Count).Select(i => (ImportStatus)i).ToArray();

    public static bool IsDefined(ImportStatus status) => (int)status < Count;
}
