using System.Data.Common;
using Dapper;
using ImportsService.Domain.Access;
using ImportsService.Domain.Imports;
using Microsoft.Data.Sqlite;
using Respawn;

namespace ImportsService.IntegrationTests.Support;

/// <summary>A real SQLite file in a temporary folder, deleted afterwards.</summary>
internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "imports-tests-" + Guid.NewGuid().ToString("N"));

    public override string Provider => "Sqlite";

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "imports.db"), Pooling = false }.ToString();

    public override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Imports"] = ConnectionString,
    };

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<long> CreateAccountAsync(string token)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>("INSERT INTO accounts (token, name) VALUES (@token, @token) RETURNING id;", new { token });
    }

    public override async Task<long> CreateUserWithKeyAsync(string apiKey, bool revoked = false)
    {
        await using var connection = await OpenAsync();
        var user = await connection.ExecuteScalarAsync<long>("INSERT INTO users (name) VALUES ('test user') RETURNING id;");
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (user_id, key_hash, created_at, revoked_at) VALUES (@user, @hash, 0, @revokedAt);",
            new { user, hash = ApiKeyHash.Compute(apiKey), revokedAt = revoked ? (long?)1 : null });
        return user;
    }

    public override async Task AddMembershipAsync(long accountId, long userId, bool canReadImports)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO memberships (account_id, user_id, can_read_imports) VALUES (@accountId, @userId, @canRead);",
            new { accountId, userId, canRead = canReadImports ? 1 : 0 });
    }

    public override async Task<IReadOnlyList<Import>> InsertImportsAsync(long accountId, IReadOnlyList<NewImport> rows)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var records = new List<Import>(rows.Count);
        foreach (var row in rows)
        {
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO imports (account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at)
                VALUES (@accountId, @Type, @status, @FileName, @FileSize, @Note, @completed, @created, @updated) RETURNING id;
                """,
                new
                {
                    accountId, row.Type, status = (int)row.Status, row.FileName, row.FileSize, row.Note,
                    completed = row.CompletedAt?.UnixMicroseconds, created = row.CreatedAt.UnixMicroseconds, updated = row.UpdatedAt.UnixMicroseconds,
                },
                transaction);
            records.Add(row.WithId(id));
        }

        await transaction.CommitAsync();
        return records;
    }

    public override async Task DeleteImportsAsync(IReadOnlyCollection<long> ids)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync("DELETE FROM imports WHERE id IN @ids;", new { ids });
    }

    public override async Task UpdateTimestampsAsync(long id, UtcTimestamp createdAt, UtcTimestamp updatedAt)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            "UPDATE imports SET created_at = @created, updated_at = @updated WHERE id = @id;",
            new { id, created = createdAt.UnixMicroseconds, updated = updatedAt.UnixMicroseconds });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a run for.
        }
    }

    protected override IDbAdapter RespawnAdapter => DbAdapter.Sqlite;

    protected override Task CreateAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }
}
