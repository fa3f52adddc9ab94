using DbUp;
using ImportsService.Infrastructure.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>Creates the file when missing, switches it to WAL (readers never wait for the writer) and applies the scripts with DbUp.</summary>
internal sealed class SqliteDatabaseMigrator(SqliteConnectionFactory connections, ILogger<SqliteDatabaseMigrator> logger) : IDatabaseMigrator
{
    /// <summary>What DbUp journals each script under, from the folder they first shipped from: frozen (the csproj keeps the names).</summary>
    internal const string JournalPrefix = "ImportsService.Infrastructure.Database.Sqlite.Migrations.";

    public static IReadOnlyList<(string Name, string Contents)> Scripts() => MigrationScripts.Read(JournalPrefix);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connections.ConnectionString);
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var upgrade = DeployChanges.To
            .SqliteDatabase(connections.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqliteDatabaseMigrator).Assembly, name => MigrationScripts.IsIn(name, JournalPrefix))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        var result = upgrade.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migrating the SQLite database failed at script {result.ErrorScript?.Name}.", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            logger.AppliedMigration(script.Name);
        }
    }
}
