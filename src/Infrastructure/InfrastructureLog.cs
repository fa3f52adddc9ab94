using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure;

internal static partial class InfrastructureLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    public static partial void AppliedMigration(this ILogger logger, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ensured the SQL Server database exists")]
    public static partial void EnsuredSqlServerDatabase(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "READ_COMMITTED_SNAPSHOT is OFF in the SQL Server database: listings wait for writers' locks and can run out of their time budget. Turn it on: ALTER DATABASE <database> SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE (docs/sql-server.md)")]
    public static partial void ReadCommittedSnapshotOff(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding the migration lock {Resource}")]
    public static partial void AcquiredMigrationLock(this ILogger logger, string resource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} generated imports to the demo account")]
    public static partial void AddedDemoImports(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo tenants: {DemoCount} imports for the demo account, {OtherCount} for the other account")]
    public static partial void SeededDemoTenants(this ILogger logger, int demoCount, int otherCount);
}
