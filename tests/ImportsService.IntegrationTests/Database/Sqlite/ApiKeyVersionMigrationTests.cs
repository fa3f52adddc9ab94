using Dapper;
using DbUp;
using DbUp.Engine;
using ImportsService.Application;
using ImportsService.Infrastructure;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// Migration 0004 on a database the previous release left: every key stored then was created while 2024-01-01
/// was the only release, so that is what it is locked to; the column refuses anything but YYYY-MM-DD.
/// </summary>
internal sealed class ApiKeyVersionMigrationTests
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "imports-version-migration-" + Guid.NewGuid().ToString("N"));

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "imports.db"), Pooling = false }.ToString();

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(folder);

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task Keys_stored_before_the_migration_are_locked_to_the_first_release()
    {
        var before = SqliteDatabaseMigrator.Scripts().Where(s => string.CompareOrdinal(s.Name, SqliteDatabaseMigrator.JournalPrefix + "0004") < 0).ToArray();
        var result = DeployChanges.To.SqliteDatabase(ConnectionString)
            .WithScripts(before.Select(s => new SqlScript(s.Name, s.Contents)))
            .LogToNowhere().Build().PerformUpgrade();
        Assert.That(result.Successful, Is.True, result.Error?.ToString());
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

    private async Task MigrateAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Imports"] = ConnectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration).BuildServiceProvider();
        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }
}
