using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// Without READ_COMMITTED_SNAPSHOT a listing waits behind writers' locks and can run out of its time budget. The migrator
/// and the ready probe ask; the first to find it off warns, once per process, and the ready check reports Degraded.
/// </summary>
internal sealed class ReadCommittedSnapshotCheck(ILogger<ReadCommittedSnapshotCheck> logger)
{
    internal const string Sql = "SELECT CAST(is_read_committed_snapshot_on AS int) AS IsOn FROM sys.databases WHERE database_id = DB_ID();";

    public const string DataKey = "read_committed_snapshot";

    public const string OffWarning =
        "READ_COMMITTED_SNAPSHOT is OFF: listings wait for writers' locks and can run out of their time budget. " +
        "Turn it on: ALTER DATABASE <database> SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE; (see docs/sql-server.md).";

    private int warned;

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
