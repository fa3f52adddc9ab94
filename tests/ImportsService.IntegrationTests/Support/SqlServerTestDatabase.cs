using System.Data;
using System.Data.Common;
using Dapper;
using ImportsService.Domain.Access;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Data.SqlClient;
using Respawn;

namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// A uniquely named database on the suite's SQL Server (<see cref="SqlServerInstance"/>), created with
/// READ_COMMITTED_SNAPSHOT on (as docs/sql-server.md recommends for production) and dropped afterwards.
/// </summary>
internal sealed class SqlServerTestDatabase(string serverConnectionString) : TestDatabase
{
    private readonly string name = "imports_it_" + Guid.NewGuid().ToString("N");

    public override string Provider => "SqlServer";

    public string ConnectionString => new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = name }.ConnectionString;

    public override IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Database:Provider"] = "SqlServer",
        ["ConnectionStrings:Imports"] = ConnectionString,
        ["Database:SqlServer:ConnectTimeoutSeconds"] = "15",
    };

    public override async Task<DbConnection> OpenAsync()
    {
        var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<long> CreateAccountAsync(string token)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "INSERT INTO dbo.accounts (token, name) OUTPUT INSERTED.id VALUES (@token, @name);",
            new { token = new DbString { Value = token, IsAnsi = true, Length = SqlServerColumnLengths.AccountToken }, name = new DbString { Value = token, Length = SqlServerColumnLengths.Name } });
    }

    public override async Task<long> CreateUserWithKeyAsync(string apiKey, bool revoked = false)
    {
        await using var connection = await OpenAsync();
        var user = await connection.ExecuteScalarAsync<long>("INSERT INTO dbo.users (name) OUTPUT INSERTED.id VALUES (N'test user');");
        var parameters = new DynamicParameters();
        parameters.Add("user", user, DbType.Int64);
        parameters.Add("hash", ApiKeyHash.Compute(apiKey), DbType.Binary, size: SqlServerColumnLengths.KeyHash);
        parameters.Add("created", new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), DbType.DateTime2, scale: 6);
        parameters.Add("revokedAt", revoked ? new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc) : null, DbType.DateTime2, scale: 6);
        await connection.ExecuteAsync("INSERT INTO dbo.api_keys (user_id, key_hash, created_at, revoked_at) VALUES (@user, @hash, @created, @revokedAt);", parameters);
        return user;
    }

    public override async Task AddMembershipAsync(long accountId, long userId, bool canReadImports)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO dbo.memberships (account_id, user_id, can_read_imports) VALUES (@accountId, @userId, @canRead);",
            new { accountId, userId, canRead = canReadImports });
    }

    public override async Task<IReadOnlyList<Import>> InsertImportsAsync(long accountId, IReadOnlyList<NewImport> rows)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var records = new List<Import>(rows.Count);
        foreach (var row in rows)
        {
            var parameters = new DynamicParameters();
            parameters.Add("accountId", accountId, DbType.Int64);
            parameters.Add("type", row.Type, DbType.AnsiString, size: SqlServerColumnLengths.ImportType);
            parameters.Add("status", (byte)row.Status, DbType.Byte);
            parameters.Add("fileName", row.FileName, DbType.String, size: SqlServerColumnLengths.FileName);
            parameters.Add("fileSize", row.FileSize, DbType.Int64);
            parameters.Add("note", row.Note, DbType.String, size: SqlServerColumnLengths.Note);
            parameters.Add("completed", row.CompletedAt?.ToDateTime(), DbType.DateTime2, scale: 6);
            parameters.Add("created", row.CreatedAt.ToDateTime(), DbType.DateTime2, scale: 6);
            parameters.Add("updated", row.UpdatedAt.ToDateTime(), DbType.DateTime2, scale: 6);
            var id = await connection.ExecuteScalarAsync<long>(
                """
                INSERT INTO dbo.imports (account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at)
                OUTPUT INSERTED.id
                VALUES (@accountId, @type, @status, @fileName, @fileSize, @note, @completed, @created, @updated);
                """,
                parameters,
                transaction);
            records.Add(row.WithId(id));
        }

        await transaction.CommitAsync();
        return records;
    }

    public override async Task DeleteImportsAsync(IReadOnlyCollection<long> ids)
    {
        await using var connection = await OpenAsync();
        await connection.ExecuteAsync("DELETE FROM dbo.imports WHERE id IN @ids;", new { ids });
    }

    public override async Task UpdateTimestampsAsync(long id, UtcTimestamp createdAt, UtcTimestamp updatedAt)
    {
        await using var connection = await OpenAsync();
        var parameters = new DynamicParameters();
        parameters.Add("id", id, DbType.Int64);
        parameters.Add("created", createdAt.ToDateTime(), DbType.DateTime2, scale: 6);
        parameters.Add("updated", updatedAt.ToDateTime(), DbType.DateTime2, scale: 6);
        await connection.ExecuteAsync("UPDATE dbo.imports SET created_at = @created, updated_at = @updated WHERE id = @id;", parameters);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqlConnection.ClearAllPools();
        await using var master = await OpenServerAsync();
        await master.ExecuteAsync($"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END;");
    }

    protected override IDbAdapter RespawnAdapter => DbAdapter.SqlServer;

    protected override async Task CreateAsync()
    {
        // The name is generated here (letters, digits, underscore), never taken from input.
        await using var master = await OpenServerAsync();
        await master.ExecuteAsync($"CREATE DATABASE [{name}]; ALTER DATABASE [{name}] SET READ_COMMITTED_SNAPSHOT ON;");
    }

    private async Task<SqlConnection> OpenServerAsync()
    {
        var connection = new SqlConnection(new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
