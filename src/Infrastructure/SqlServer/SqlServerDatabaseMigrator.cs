using System.Data;
using DbUp;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// Applies the embedded scripts with DbUp, one transaction each, under an exclusive session application lock, so
/// instances that start together migrate once. The lock's connection opens first: an unreachable server fails within
/// the connect timeout as <see cref="DatabaseUnavailableException"/>, not somewhere inside DbUp.
/// </summary>
internal sealed class SqlServerDatabaseMigrator(
    SqlServerConnectionFactory connections,
    ReadCommittedSnapshotCheck snapshot,
    IOptions<DatabaseOptions> options,
    IOptions<SqlServerOptions> sqlServerOptions,
    ILogger<SqlServerDatabaseMigrator> logger) : IDatabaseMigrator
{
    /// <summary>What DbUp journals each script under, from the folder they first shipped from: frozen (the csproj keeps the names).</summary>
    internal const string JournalPrefix = "ImportsService.Infrastructure.Database.SqlServer.Migrations.";

    internal const string MigrationLockResource = "ImportsService.Migrations";

    /// <summary>
    /// Owned by the session, not a transaction: DbUp runs its scripts on connections of its own while this one holds the
    /// lock. sp_getapplock returns 0 or 1 when granted, -1 timed out, -2 cancelled, -3 deadlock victim, -999 error.
    /// </summary>
    internal const string AcquireMigrationLock = """
        DECLARE @result int;
        EXEC @result = sys.sp_getapplock @Resource = @lock_resource, @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = @lock_timeout_ms;
        SELECT @result AS Result;
        """;

    internal const string ReleaseMigrationLock = "EXEC sys.sp_releaseapplock @Resource = @lock_resource, @LockOwner = N'Session';";

    /// <summary>Appended to <c>ALTER DATABASE [name]</c>.</summary>
    internal const string EnableReadCommittedSnapshot = " SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;";

    /// <summary>
    /// READ_COMMITTED_SNAPSHOT is set right after CREATE, while nobody else is connected. The name is a value that
    /// QUOTENAME makes an identifier. Of two instances creating it together, the second gets 1801 "already exists": success.
    /// </summary>
    internal const string CreateDatabaseStatement = $"""
        IF DB_ID(@name) IS NULL
        BEGIN
            BEGIN TRY
                DECLARE @create nvarchar(300) = N'CREATE DATABASE ' + QUOTENAME(@name) + N';';
                EXEC sys.sp_executesql @create;
                DECLARE @snapshot nvarchar(400) = N'ALTER DATABASE ' + QUOTENAME(@name) + N'{EnableReadCommittedSnapshot}';
                EXEC sys.sp_executesql @snapshot;
            END TRY
            BEGIN CATCH
                IF ERROR_NUMBER() <> 1801 THROW;
            END CATCH;
        END;
        """;

    public static IReadOnlyList<(string Name, string Contents)> Scripts() => MigrationScripts.Read(JournalPrefix);

    /// <summary>For the parser tests.</summary>
    internal static IReadOnlyList<string> Statements { get; } =
        [CreateDatabaseStatement, AcquireMigrationLock, ReleaseMigrationLock, ReadCommittedSnapshotCheck.Sql];

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (sqlServerOptions.Value.CreateDatabaseIfMissing)
        {
            await EnsureDatabaseAsync(cancellationToken);
        }

        await using var lockConnection = await connections.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        try
        {
            await AcquireLockAsync(lockConnection, settings, cancellationToken);
            try
            {
                await UpgradeAsync(settings, cancellationToken);
                await using var check = lockConnection.CreateCommand();
                check.CommandText = ReadCommittedSnapshotCheck.Sql;
                check.CommandTimeout = settings.CommandTimeoutSeconds;
                snapshot.Report(await check.ExecuteScalarAsync(cancellationToken) is int and 1);
            }
            finally
            {
                // Released explicitly: a pooled connection keeps its session, and with it a session lock, after Dispose.
                await ReleaseLockAsync(lockConnection, settings);
            }
        }
        catch (SqlException exception) when (SqlServerConnectionFactory.IsUnavailable(exception) && !cancellationToken.IsCancellationRequested)
        {
            throw new DatabaseUnavailableException($"The SQL Server database became unavailable while migrating (SQL error {exception.Number}).", exception);
        }
    }

    private async Task UpgradeAsync(DatabaseOptions settings, CancellationToken cancellationToken)
    {
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

    private async Task AcquireLockAsync(SqlConnection connection, DatabaseOptions settings, CancellationToken cancellationToken)
    {
        var timeoutSeconds = sqlServerOptions.Value.MigrationLockTimeoutSeconds;
        await using var command = connection.CreateCommand();
        command.CommandText = AcquireMigrationLock;
        command.Parameters.Add(new SqlParameter("@lock_resource", SqlDbType.NVarChar, 255) { Value = MigrationLockResource });
        command.Parameters.Add(new SqlParameter("@lock_timeout_ms", SqlDbType.Int) { Value = timeoutSeconds * 1_000 });
        command.CommandTimeout = timeoutSeconds + Math.Max(settings.CommandTimeoutSeconds, 30);
        var result = await command.ExecuteScalarAsync(cancellationToken) as int?;
        if (result is not (0 or 1))
        {
            throw new InvalidOperationException(result == -1
                ? $"Another instance held the migration lock {MigrationLockResource} for longer than {timeoutSeconds} s (Database:SqlServer:MigrationLockTimeoutSeconds); is a migration stuck?"
                : $"The migration lock {MigrationLockResource} was not granted (sp_getapplock returned {result}).");
        }

        logger.AcquiredMigrationLock(MigrationLockResource);
    }

    private static async Task ReleaseLockAsync(SqlConnection connection, DatabaseOptions settings)
    {
        if (connection.State != ConnectionState.Open)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = ReleaseMigrationLock;
        command.Parameters.Add(new SqlParameter("@lock_resource", SqlDbType.NVarChar, 255) { Value = MigrationLockResource });
        command.CommandTimeout = settings.CommandTimeoutSeconds;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static bool IsMigration(string name) => MigrationScripts.IsIn(name, JournalPrefix);

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
            sqlServerOptions.Value);
        await using var connection = await master.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        await using var command = connection.CreateCommand();

        command.CommandText = CreateDatabaseStatement;
        command.Parameters.Add(new SqlParameter("@name", SqlDbType.NVarChar, 128) { Value = name });
        command.CommandTimeout = Math.Max(options.Value.CommandTimeoutSeconds, 60);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.EnsuredSqlServerDatabase();
    }
}
