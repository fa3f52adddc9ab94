using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// Whether the database reads under READ_COMMITTED_SNAPSHOT (each statement sees the last committed version
/// instead of waiting for writers' locks). Off, the service still works, but a listing can wait behind a
/// writer and run out of its time budget. The migrator (at start-up) and the ready probe ask; the first that
/// finds it off logs a warning, once per process, and the ready check reports Degraded with the reason.
/// </summary>
internal sealed class ReadCommittedSnapshotCheck(ILogger<ReadCommittedSnapshotCheck> logger)
{
    /// <summary>1 when on, 0 when off (for the connected database).</summary>
    internal const string Sql = "SELECT CAST(is_read_committed_snapshot_on AS int) AS IsOn FROM sys.databases WHERE database_id = DB_ID();";

    /// <summary>The key of the ready check's data that says whether it is on.</summary>
    public const string DataKey = "read_committed_snapshot";

    public const string OffWarning =
        "READ_COMMITTED_SNAPSHOT is OFF: listings wait for writers' locks and can run out of their time budget. " +
        "Turn it on: ALTER DATABASE <database> SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE; (see docs/sql-server.md).";

    private int warned;

    /// <summary>Logs the warning the first time the option is seen off, and returns what the ready check reports.</summary>
    public DatabaseProbeResult Report(bool on)
    {
        if (!on && Interlocked.Exchange(ref warned, 1) == 0)
        {
            logger.ReadCommittedSnapshotOff();
        }

        var data = new Dictionary<string, object> { [DataKey] = on };
        return new DatabaseProbeResult(on ? null : OffWarning, data);
    }
}
