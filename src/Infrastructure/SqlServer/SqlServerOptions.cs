namespace ImportsService.Infrastructure.SqlServer;

/// <summary>The <c>Database:SqlServer</c> configuration section: how the service talks to SQL Server.</summary>
public sealed class SqlServerOptions
{
    public const string SectionName = "Database:SqlServer";

    /// <summary>Overrides a <c>Connect Timeout</c> in both connection strings, so an unreachable server is a quick 503.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Off by default: a retry multiplies the wait a caller sees.</summary>
    public bool EnableRetry { get; set; }

    public int RetryCount { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 200;

    public int MaxRetryDelayMilliseconds { get; set; } = 2_000;

    /// <summary>Page and count in one SNAPSHOT transaction; needs <c>ALLOW_SNAPSHOT_ISOLATION ON</c> (docs/sql-server.md).</summary>
    public bool UseSnapshotIsolation { get; set; }

    /// <summary>For Development and compose; needs CREATE DATABASE permission.</summary>
    public bool CreateDatabaseIfMissing { get; set; }

    /// <summary>How long an instance waits for another's migration to finish.</summary>
    public int MigrationLockTimeoutSeconds { get; set; } = 120;
}
