using ImportsService.Infrastructure.SqlServer;

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

    /// <summary>How long one statement may run before the database abandons it.</summary>
    public int CommandTimeoutSeconds { get; set; } = 15;

    /// <summary>Apply pending migrations when the service starts (the <c>migrate</c> verb does it on demand).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Settings that apply only when <see cref="Provider"/> is <see cref="DatabaseProvider.SqlServer"/>.</summary>
    public SqlServerOptions SqlServer { get; set; } = new();
}
