using Dapper;
using ImportsService.Application.Versioning;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>Imports in batches of one transaction each through one prepared INSERT: a million rows well under a minute.</summary>
internal sealed class SqliteDemoDataSeeder(SqliteConnectionFactory connections, ApiReleases releases, ILogger<SqliteDemoDataSeeder> logger) : IDemoDataSeeder
{
    private const int BatchSize = 20_000;

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var accounts = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM accounts;", cancellationToken: cancellationToken));
        return accounts == 0 && await EnsureDemoTenantsAsync(connection, cancellationToken);
    }

    public async Task AddDemoImportsAsync(int count, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await EnsureDemoTenantsAsync(connection, cancellationToken);
        var accountId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM accounts WHERE token = @token;", new { token = DemoTenants.DemoAccountToken }, cancellationToken: cancellationToken));
        var existing = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM imports WHERE account_id = @accountId;", new { accountId }, cancellationToken: cancellationToken));

        var rows = DemoImportGenerator.AdditionalImports(count, existing);
        progress?.Report(new SeedProgress(0, count));
        await InsertImportsAsync(connection, accountId, rows, count, progress, cancellationToken);
        logger.AddedDemoImports(count);
    }

    private async Task<bool> EnsureDemoTenantsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction();
        var present = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM accounts WHERE token = @token;", new { token = DemoTenants.DemoAccountToken }, transaction, cancellationToken: cancellationToken));
        if (present > 0)
        {
            return false;
        }

        var now = Domain.Imports.UtcTimestamp.FromDateTime(DateTime.UtcNow).UnixMicroseconds;

        // Demo keys are created now, so they are locked to the newest release.
        var apiVersion = releases.Newest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        async Task<long> Insert(string sql, object parameters) =>
            await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        var accounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var account in DemoTenantPlan.Accounts)
        {
            accounts[account.Token] = await Insert("INSERT INTO accounts (token, name) VALUES (@token, @name) RETURNING id;", new { token = account.Token, name = account.Name });
        }

        var users = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var user in DemoTenantPlan.Users)
        {
            var userId = await Insert("INSERT INTO users (name) VALUES (@name) RETURNING id;", new { name = user.Name });
            await Insert(
                "INSERT INTO api_keys (user_id, key_hash, created_at, api_version) VALUES (@userId, @hash, @now, @apiVersion) RETURNING id;",
                new { userId, hash = ApiKeyHash.Compute(user.ApiKey), now, apiVersion });
            users[user.ApiKey] = userId;
        }

        const string membership = "INSERT INTO memberships (account_id, user_id, can_read_imports) VALUES (@accountId, @userId, @canRead);";
        foreach (var member in DemoTenantPlan.Memberships)
        {
            var parameters = new { accountId = accounts[member.AccountToken], userId = users[member.ApiKey], canRead = member.CanReadImports ? 1 : 0 };
            await connection.ExecuteAsync(new CommandDefinition(membership, parameters, transaction, cancellationToken: cancellationToken));
        }

        foreach (var account in DemoTenantPlan.Accounts)
        {
            await InsertBatchAsync(connection, transaction, accounts[account.Token], account.Imports(), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.SeededDemoTenants(DemoTenants.DemoImportCount, DemoTenants.OtherImportCount);
        return true;
    }

    private static async Task InsertImportsAsync(
        SqliteConnection connection, long accountId, IEnumerable<GeneratedImport> rows, int total, IProgress<SeedProgress>? progress, CancellationToken cancellationToken)
    {
        var written = 0L;
        foreach (var batch in rows.Chunk(BatchSize))
        {
            await using var transaction = connection.BeginTransaction();
            await InsertBatchAsync(connection, transaction, accountId, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            written += batch.Length;
            progress?.Report(new SeedProgress(written, total));
        }
    }

    private static async Task InsertBatchAsync(SqliteConnection connection, SqliteTransaction transaction, long accountId, IEnumerable<GeneratedImport> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO imports (account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at)
            VALUES ($account_id, $type, $status, $file_name, $file_size, $note, $completed_at, $created_at, $updated_at);
            """;
        var account = command.Parameters.Add("$account_id", SqliteType.Integer);
        var type = command.Parameters.Add("$type", SqliteType.Text);
        var status = command.Parameters.Add("$status", SqliteType.Integer);
        var fileName = command.Parameters.Add("$file_name", SqliteType.Text);
        var fileSize = command.Parameters.Add("$file_size", SqliteType.Integer);
        var note = command.Parameters.Add("$note", SqliteType.Text);
        var completed = command.Parameters.Add("$completed_at", SqliteType.Integer);
        var created = command.Parameters.Add("$created_at", SqliteType.Integer);
        var updated = command.Parameters.Add("$updated_at", SqliteType.Integer);
        account.Value = accountId;
        command.Prepare();

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            type.Value = row.Type;
            status.Value = (int)row.Status;
            fileName.Value = row.FileName;
            fileSize.Value = row.FileSize;
            note.Value = (object?)row.Note ?? DBNull.Value;
            completed.Value = row.CompletedAt is { } c ? c.UnixMicroseconds : DBNull.Value;
            created.Value = row.CreatedAt.UnixMicroseconds;
            updated.Value = row.UpdatedAt.UnixMicroseconds;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
