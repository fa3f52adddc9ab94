using System.Data;
using Dapper;
using ImportsService.Application.Versioning;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// The tenants and their imports in one transaction, further imports with SqlBulkCopy in batches of one transaction
/// each, streamed in generation order so identity ids follow it.
/// </summary>
internal sealed class SqlServerDemoDataSeeder(SqlServerConnectionFactory connections, ApiReleases releases, ILogger<SqlServerDemoDataSeeder> logger) : IDemoDataSeeder
{
    private const int BatchSize = 20_000;

    internal const string CountAccounts = "SELECT COUNT_BIG(*) FROM dbo.accounts;";
    internal const string CountAccountsWithToken = "SELECT COUNT_BIG(*) FROM dbo.accounts WITH (UPDLOCK, HOLDLOCK) WHERE token = @token;";
    internal const string FindAccount = "SELECT id FROM dbo.accounts WHERE token = @token;";
    internal const string CountImports = "SELECT COUNT_BIG(*) FROM dbo.imports WHERE account_id = @account_id;";
    internal const string InsertAccount = "INSERT INTO dbo.accounts (token, name) OUTPUT INSERTED.id VALUES (@token, @name);";
    internal const string InsertUser = "INSERT INTO dbo.users (name) OUTPUT INSERTED.id VALUES (@name);";
    internal const string InsertApiKey = "INSERT INTO dbo.api_keys (user_id, key_hash, created_at, api_version) VALUES (@user_id, @key_hash, @created_at, @api_version);";
    internal const string InsertMembership = "INSERT INTO dbo.memberships (account_id, user_id, can_read_imports) VALUES (@account_id, @user_id, @can_read_imports);";

    /// <summary>
    /// A SERIALIZABLE transaction leaves its level on the session, which goes back to the pool: without this, the next
    /// request on that connection would read with range locks.
    /// </summary>
    internal const string ResetIsolationLevel = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED;";

    /// <summary>For the parser tests.</summary>
    internal static IReadOnlyList<string> Statements { get; } =
        [CountAccounts, CountAccountsWithToken, FindAccount, CountImports, InsertAccount, InsertUser, InsertApiKey, InsertMembership, ResetIsolationLevel];

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        var accounts = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAccounts, cancellationToken: cancellationToken));
        return accounts == 0 && await EnsureDemoTenantsAsync(connection, cancellationToken);
    }

    public async Task AddDemoImportsAsync(int count, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await connections.OpenAsync(ConnectionIntent.Primary, cancellationToken);
        await EnsureDemoTenantsAsync(connection, cancellationToken);
        var accountId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            FindAccount, Token(DemoTenants.DemoAccountToken), cancellationToken: cancellationToken));
        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountImports, TypedParameter.ToDapper([TypedParameter.Int64("account_id", accountId)]), cancellationToken: cancellationToken));

        var rows = DemoImportGenerator.AdditionalImports(count, existing);
        var written = 0L;
        progress?.Report(new SeedProgress(0, count));
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var transaction = connection.BeginTransaction();
            await BulkInsertAsync(connection, transaction, accountId, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += batch.Length;
            progress?.Report(new SeedProgress(written, count));
        }

        logger.AddedDemoImports(count);
    }

    private async Task<bool> EnsureDemoTenantsAsync(SqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            return await EnsureDemoTenantsSerializableAsync(connection, cancellationToken);
        }
        finally
        {
            if (connection.State == ConnectionState.Open)
            {
                await connection.ExecuteAsync(new CommandDefinition(ResetIsolationLevel, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task<bool> EnsureDemoTenantsSerializableAsync(SqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);

        // UPDLOCK, HOLDLOCK: two instances starting together cannot both decide to seed.
        var present = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountAccountsWithToken, Token(DemoTenants.DemoAccountToken), transaction, cancellationToken: cancellationToken));
        if (present > 0)
        {
            return false;
        }

        var now = DateTime.UtcNow;
        async Task<long> Insert(string sql, IEnumerable<TypedParameter> parameters) =>
            await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, TypedParameter.ToDapper(parameters), transaction, cancellationToken: cancellationToken));

        var accounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var account in DemoTenantPlan.Accounts)
        {
            accounts[account.Token] = await Insert(InsertAccount,
                [TypedParameter.Ansi("token", account.Token, SqlServerColumnLengths.AccountToken), TypedParameter.Unicode("name", account.Name, SqlServerColumnLengths.Name)]);
        }

        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var user in DemoTenantPlan.Users)
        {
            var userId = await Insert(InsertUser, [TypedParameter.Unicode("name", user.Name, SqlServerColumnLengths.Name)]);
            await connection.ExecuteAsync(new CommandDefinition(
                InsertApiKey,
                TypedParameter.ToDapper(
                [
                    TypedParameter.Int64("user_id", userId),
                    TypedParameter.Binary("key_hash", ApiKeyHash.Compute(user.ApiKey), SqlServerColumnLengths.KeyHash),
                    TypedParameter.Timestamp("created_at", Domain.Imports.UtcTimestamp.FromDateTime(now).ToDateTime()),
                    TypedParameter.Date("api_version", releases.Newest),
                ]),
                transaction,
                cancellationToken: cancellationToken));
            users[user.ApiKey] = userId;
        }

        foreach (var member in DemoTenantPlan.Memberships)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertMembership,
                TypedParameter.ToDapper(
                [
                    TypedParameter.Int64("account_id", accounts[member.AccountToken]),
                    TypedParameter.Int64("user_id", users[member.ApiKey]),
                    new TypedParameter("can_read_imports", member.CanReadImports, DbType.Boolean),
                ]),
                transaction,
                cancellationToken: cancellationToken));
        }

        foreach (var account in DemoTenantPlan.Accounts)
        {
            await BulkInsertAsync(connection, transaction, accounts[account.Token], account.Imports(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.SeededDemoTenants(DemoTenants.DemoImportCount, DemoTenants.OtherImportCount);
        return true;
    }

    private static async Task BulkInsertAsync(SqlConnection connection, SqlTransaction transaction, long accountId, IEnumerable<GeneratedImport> rows, CancellationToken cancellationToken)
    {
        using var table = ImportsTable(accountId, rows);

        // Bulk loads skip CHECK and FOREIGN KEY constraints and triggers unless told otherwise; the creation-order marks'
        // trigger must see every row (ADR 0010).
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers, transaction)
        {
            DestinationTableName = "dbo.imports",
            BatchSize = BatchSize,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in table.Columns)
        {
            bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await bulk.WriteToServerAsync(table, cancellationToken);
    }

    internal static DataTable ImportsTable(long accountId, IEnumerable<GeneratedImport> rows)
    {
        var table = new DataTable("imports") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("account_id", typeof(long));
        table.Columns.Add("type", typeof(string));
        table.Columns.Add("status", typeof(byte));
        table.Columns.Add("file_name", typeof(string));
        table.Columns.Add("file_size", typeof(long));
        table.Columns.Add("note", typeof(string));
        table.Columns.Add("completed_at", typeof(DateTime));
        table.Columns.Add("created_at", typeof(DateTime));
        table.Columns.Add("updated_at", typeof(DateTime));
        foreach (var row in rows)
        {
            table.Rows.Add(
                accountId,
                row.Type,
                (byte)row.Status,
                row.FileName,
                row.FileSize,
                (object?)row.Note ?? DBNull.Value,
                row.CompletedAt is { } completed ? completed.ToDateTime() : DBNull.Value,
                row.CreatedAt.ToDateTime(),
                row.UpdatedAt.ToDateTime());
        }

        return table;
    }

    private static DynamicParameters Token(string token) =>
        TypedParameter.ToDapper([TypedParameter.Ansi("token", token, SqlServerColumnLengths.AccountToken)]);
}
