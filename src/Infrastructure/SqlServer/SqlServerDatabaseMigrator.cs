using DbUp;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// Applies the embedded SQL Server scripts with DbUp, each once, in name order, each in its own
/// transaction. It first opens a connection itself, so an unreachable server fails within the connect
/// timeout as <see cref="DatabaseUnavailableException"/> instead of somewhere inside DbUp.
/// </summary>
internal sealed class SqlServerDatabaseMigrator(
    SqlServerConnectionFactory connections,
    IOptions<DatabaseOptions> options,
    ILogger<SqlServerDatabaseMigrator> logger) : IDatabaseMigrator
{
    /// <summary>
    /// What DbUp journals each script under: the resource names of the release that first shipped them, from
    /// <c>Database/SqlServer/Migrations</c>. Frozen; the csproj gives the scripts these names wherever they live.
    /// </summary>
    internal const string JournalPrefix = "ImportsService.Infrastructure.Database.SqlServer.Migrations.";

    /// <summary>The embedded migration scripts, in the order DbUp applies them (the plan tests parse each).</summary>
    public static IReadOnlyList<(string Name, string Contents)> Scripts() => MigrationScripts.Read(JournalPrefix);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.SqlServer.CreateDatabaseIfMissing)
        {
            await EnsureDatabaseAsync(cancellationToken);
        }

        // Fails fast (connect timeout) and with a clean message when the server is not there.
        await using (await connections.OpenAsync(ConnectionIntent.Primary, cancellationToken))
        {
        }

        var upgrade = DeployChanges.To
            .SqlDatabase(connections.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqlServerDatabaseMigrator).Assembly, IsMigration)
            .WithTransactionPerScript()
            .WithExecutionTimeout(TimeSpan.FromSeconds(Math.Max(settings.CommandTimeoutSeconds, 60)))
            .LogToNowhere()
            .Build();

        var result = await Task.Run(upgrade.PerformUpgrade, cancellationToken);
        if (!result.Successful)
        {
            if (result.Error is SqlException sql && SqlServerConnectionFactory.IsUnavailable(sql))
            {
                throw new DatabaseUnavailableException($"The SQL Server database became unavailable while migrating (SQL error {sql.Number}).", sql);
            }

            throw new InvalidOperationException($"Migrating the SQL Server database failed at script {result.ErrorScript?.Name}.", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            logger.AppliedMigration(script.Name);
        }
    }

    private static bool IsMigration(string name) => MigrationScripts.IsIn(name, JournalPrefix);

    /// <summary>Creates the database of the connection string when missing, connecting to master to do it.</summary>
    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var target = new SqlConnectionStringBuilder(connections.ConnectionString);
        var name = target.InitialCatalog;
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var master = new SqlServerConnectionFactory(
            new SqlConnectionStringBuilder(target.ConnectionString) { InitialCatalog = "master" }.ConnectionString,
            readConnectionString: null,
            options.Value.SqlServer);
        await using var connection = await master.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        await using var command = connection.CreateCommand();

        // The name is a value here; QUOTENAME makes it an identifier inside the dynamic statement.
        command.CommandText = CreateDatabaseStatement;
        command.Parameters.Add(new SqlParameter("@name", System.Data.SqlDbType.NVarChar, 128) { Value = name });
        command.CommandTimeout = Math.Max(options.Value.CommandTimeoutSeconds, 60);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.EnsuredSqlServerDatabase();
    }

    internal const string CreateDatabaseStatement = """
        IF DB_ID(@name) IS NULL
        BEGIN
            DECLARE @create nvarchar(300) = N'CREATE DATABASE ' + QUOTENAME(@name) + N';';
            EXEC sys.sp_executesql @create;
        END;
        """;
}
