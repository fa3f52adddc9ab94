namespace ImportsService.Domain.Imports;

/// <summary>
/// The lifecycle state of an import. The numeric values are the stored codes: never renumber them.
/// </summary>
public enum ImportStatus : byte
{
    New = 0,
    Queued = 1,
    Processing = 2,
    PartiallyComplete = 3,
    Failed = 4,
    Complete = 5,
    Incomplete = 6,
    RolledBack = 7,
    RollingBack = 8,
    Unsupported = 9,
}
