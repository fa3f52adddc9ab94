namespace ImportsService.Infrastructure.Database;

public enum DatabaseProvider
{
    /// <summary>The embedded default: a local file, no set-up.</summary>
    Sqlite,

    /// <summary>The production database.</summary>
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The ceiling of any one command (SQL Server's command timeout; SQLite's busy timeout). Request statements
    /// get the tighter <see cref="StatementTimeoutMs"/>; migrations get at least 60 s.
    /// </summary>
    public int CommandTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// The time budget of each database call a request makes (a page and its count are one call). Past it the
    /// statement is stopped and the request answers 503 "too expensive" instead of holding a worker: SQLite
    /// interrupts the connection (<c>sqlite3_interrupt</c>) from a timer; SQL Server uses it as the command
    /// timeout, rounded up to whole seconds (SqlClient counts in seconds) and never above
    /// <see cref="CommandTimeoutSeconds"/>. 0 turns the budget off (then only <see cref="CommandTimeoutSeconds"/> applies).
    /// </summary>
    public int StatementTimeoutMs { get; set; } = 2_000;

    /// <summary>The budget of a request's database call, or null when <see cref="StatementTimeoutMs"/> is 0.</summary>
    public TimeSpan? StatementBudget => StatementTimeoutMs > 0 ? TimeSpan.FromMilliseconds(StatementTimeoutMs) : null;

    /// <summary>The command timeout of a request's statements on SQL Server: the budget in whole seconds (at least 1), capped by <see cref="CommandTimeoutSeconds"/>.</summary>
    public int StatementCommandTimeoutSeconds =>
        StatementTimeoutMs > 0 ? Math.Min(CommandTimeoutSeconds, (StatementTimeoutMs + 999) / 1_000) : CommandTimeoutSeconds;

    /// <summary>Apply pending migrations when the service starts (the <c>migrate</c> verb does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
