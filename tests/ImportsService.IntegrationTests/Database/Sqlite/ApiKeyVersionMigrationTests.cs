using ImportsService.IntegrationTests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// Migration 0004 on a database the previous release left: every key stored then was created while 2024-01-01
/// was the only release, so that is what it is locked to; the column refuses anything but YYYY-MM-DD.
/// </summary>
internal sealed class ApiKeyVersionMigrationTests : SqliteFileTest
{
    [Test]
    public async Task Keys_stored_before_the_migration_are_locked_to_the_first_release()
    {
        ApplyScriptsBefore("0004");
        await using (var connection = new SqliteConnection(ConnectionString))
        {
            await connection.ExecuteAsync("INSERT INTO users (id, name) VALUES (1, 'u'); INSERT INTO api_keys (user_id, key_hash, created_at) VALUES (1, zeroblob(32), 0);");
        }

        await MigrateAsync();

        await using var migrated = new SqliteConnection(ConnectionString);
        Assert.That(await migrated.ExecuteScalarAsync<string>("SELECT api_version FROM api_keys;"), Is.EqualTo("2024-01-01"));
        Assert.That(
            async () => await migrated.ExecuteAsync("INSERT INTO api_keys (user_id, key_hash, created_at, api_version) VALUES (1, randomblob(32), 0, '2024-1-1');"),
            Throws.InstanceOf<SqliteException>().With.Message.Contains("CHECK"));
    }
}
