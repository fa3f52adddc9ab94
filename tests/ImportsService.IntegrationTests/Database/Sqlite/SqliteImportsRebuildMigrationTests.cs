using ImportsService.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// Migration 0003 rebuilds the SQLite imports table to add <c>CHECK (created_at &lt;= updated_at)</c>: on a database
/// the previous release migrated and filled, every row keeps its id and columns, an id is still never reused (the
/// AUTOINCREMENT high-water mark survives, even above the largest remaining id), every index is there, and the
/// CHECK holds. A row that breaks the invariant fails the migration, which changes nothing.
/// </summary>
internal sealed class SqliteImportsRebuildMigrationTests : SqliteFileTest
{
    private const string ImportColumns =
        "id AS Id, account_id AS AccountId, type AS Type, status AS Status, file_name AS FileName, file_size AS FileSize, note AS Note, completed_at AS CompletedAt, created_at AS CreatedAt, updated_at AS UpdatedAt";

    [Test]
    public async Task Rows_ids_the_id_high_water_mark_and_indexes_survive_and_the_check_holds()
    {
        Assert.That(ApplyScriptsBefore("0003"), Is.EqualTo(2), "0001 and 0002, as the release before 0003 left them");
        await using var connection = await OpenAsync();
        var account = await connection.ExecuteScalarAsync<long>("INSERT INTO accounts (token, name) VALUES ('t', 'n') RETURNING id;");
        await InsertAsync(connection, account, [(10, 20), (30, 30), (40, 90), (50, 60), (70, 80)]);
        // The newest ids go: their values must never come back.
        await connection.ExecuteAsync("DELETE FROM imports WHERE id >= 4;");
        var before = (await connection.QueryAsync<ImportRow>($"SELECT {ImportColumns} FROM imports ORDER BY id;")).ToArray();

        await MigrateAsync();

        var after = (await connection.QueryAsync<ImportRow>($"SELECT {ImportColumns} FROM imports ORDER BY id;")).ToArray();
        var next = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO imports (account_id, type, status, file_name, file_size, created_at, updated_at) VALUES (@account, 'x', 1, 'f', 1, 5, 5) RETURNING id;", new { account });
        var indexes = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'imports' AND name NOT LIKE 'sqlite_%' ORDER BY name;")).ToArray();
        var table = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'imports';");

        Assert.That(after, Is.EqualTo(before));
        Assert.That(next, Is.EqualTo(6), "the AUTOINCREMENT high-water mark (5) survived the rebuild");
        Assert.That(indexes, Is.EqualTo(new[]
        {
            "ix_imports_account_created_at", "ix_imports_account_id", "ix_imports_account_status_created_at",
            "ix_imports_account_status_id", "ix_imports_account_status_updated_at", "ix_imports_account_updated_at",
        }));
        Assert.That(table, Does.Contain("AUTOINCREMENT").And.Contain("REFERENCES accounts (id)").And.Contain("CHECK (created_at <= updated_at)"));
        Assert.That(
            async () => await connection.ExecuteAsync("INSERT INTO imports (account_id, type, status, file_name, file_size, created_at, updated_at) VALUES (@account, 'x', 1, 'f', 1, 9, 8);", new { account }),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("ck_imports_created_not_after_updated"));
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;"), Is.EqualTo("ok"));
        Assert.That(await connection.QueryAsync("PRAGMA foreign_key_check;"), Is.Empty);
    }

    [Test]
    public async Task A_row_updated_before_it_was_created_fails_the_migration_and_nothing_changes()
    {
        Assert.That(ApplyScriptsBefore("0003"), Is.EqualTo(2), "0001 and 0002, as the release before 0003 left them");
        await using var connection = await OpenAsync();
        var account = await connection.ExecuteScalarAsync<long>("INSERT INTO accounts (token, name) VALUES ('t', 'n') RETURNING id;");
        await InsertAsync(connection, account, [(10, 20), (30, 29)]);

        Assert.That(MigrateAsync, Throws.InvalidOperationException.With.Message.Contains("0003"));

        var journal = await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions;");
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'imports%' ORDER BY name;");
        Assert.That(journal.Count(), Is.EqualTo(2), "0003 is not journaled");
        Assert.That(tables, Is.EqualTo(new[] { "imports" }), "the rebuild was rolled back");
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM imports;"), Is.EqualTo(2));
    }

    private static async Task InsertAsync(SqliteConnection connection, long account, (long Created, long Updated)[] rows)
    {
        foreach (var (created, updated) in rows)
        {
            await connection.ExecuteAsync(
                "INSERT INTO imports (account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at) VALUES (@account, 'vehicles', 3, 'a.csv', 7, 'n', @updated, @created, @updated);",
                new { account, created, updated });
        }
    }

    private sealed record ImportRow(long Id, long AccountId, string Type, long Status, string FileName, long FileSize, string? Note, long? CompletedAt, long CreatedAt, long UpdatedAt);
}
