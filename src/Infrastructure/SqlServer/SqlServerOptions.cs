namespace ImportsService.Infrastructure.SqlServer;

/// <summary>The <c>Database:SqlServer</c> configuration section: how the service talks to SQL Server.</summary>
public sealed class SqlServerOptions
{
    public const string SectionName = "Database:SqlServer";

    /// <summary>
    /// How long opening a connection may take before the service answers 503. Applied to both connection
    /// strings (it overrides a <c>Connect Timeout</c> written in them), so an unreachable server fails fast.
    /// </summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Retry transient failures (SqlClient's configurable retry logic). Off by default: a retry multiplies the wait a caller sees.</summary>
    public bool EnableRetry { get; set; }

    /// <summary>Attempts after the first one when <see cref="EnableRetry"/> is on.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>The first delay of the exponential back-off.</summary>
    public int RetryDelayMilliseconds { get; set; } = 200;

    /// <summary>The longest single delay of the back-off.</summary>
    public int MaxRetryDelayMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Read a page and its count in one SNAPSHOT transaction, so both see the same committed state. Needs
    /// <c>ALTER DATABASE … SET ALLOW_SNAPSHOT_ISOLATION ON</c>; off by default (see docs/sql-server.md).
    /// </summary>
    public bool UseSnapshotIsolation { get; set; }

    /// <summary>
    /// Create the database named in the connection string when it is missing (Development, compose), with
    /// READ_COMMITTED_SNAPSHOT ON. Needs CREATE DATABASE permission.
    /// </summary>
    public bool CreateDatabaseIfMissing { get; set; }

    /// <summary>
    /// How long an instance waits for another instance's migration to finish (migrations run under an
    /// exclusive session application lock, so instances that start together migrate once).
    /// </summary>
    public int MigrationLockTimeoutSeconds { get; set; } = 120;
}
