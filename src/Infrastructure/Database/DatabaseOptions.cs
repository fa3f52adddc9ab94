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

    /// <summary>The ceiling of any one command; a request's statements get the tighter <see cref="StatementTimeoutMs"/>, migrations at least 60 s.</summary>
    public int CommandTimeoutSeconds { get; set; } = 15;

    /// <summary>
    /// The budget of each database call a request makes (a page and its count are one call): past it the statement stops
    /// and the request answers 503 "too expensive" instead of holding a worker. 0 turns it off.
    /// </summary>
    public int StatementTimeoutMs { get; set; } = 2_000;

    public TimeSpan? StatementBudget => StatementTimeoutMs > 0 ? TimeSpan.FromMilliseconds(StatementTimeoutMs) : null;

    /// <summary>The budget as a command timeout for drivers that count whole seconds: rounded up, capped by <see cref="CommandTimeoutSeconds"/>.</summary>
    public int StatementCommandTimeoutSeconds =>
        StatementTimeoutMs > 0 ? Math.Min(CommandTimeoutSeconds, (StatementTimeoutMs + 999) / 1_000) : CommandTimeoutSeconds;

    /// <summary>The <c>migrate</c> verb migrates on demand.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
