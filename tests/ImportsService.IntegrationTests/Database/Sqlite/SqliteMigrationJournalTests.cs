using Dapper;
using DbUp;
using DbUp.Engine;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// A database the released service migrated (DbUp journaled the scripts under their old resource names)
/// is not migrated again by this build. The control: the same database journaled under any other names
/// is migrated again, and fails on <c>CREATE TABLE</c>, which is what a rename would do in production.
/// </summary>
internal sealed class SqliteMigrationJournalTests : SqliteFileTest
{
    private static readonly string[] ReleasedNames =
    [
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0001_create_access_tables.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0002_create_imports.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0003_imports_timestamp_order_and_status_indexes.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0004_api_key_versions.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0005_api_key_hash_scheme.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0006_account_rate_plans.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0007_import_creation_order_marks.sql",
        "ImportsService.Infrastructure.Database.Sqlite.Migrations.0008_import_id_zones.sql",
    ];

    [Test]
    public void The_migrator_journals_the_scripts_under_the_released_names()
    {
        Assert.That(SqliteDatabaseMigrator.Scripts().Select(s => s.Name), Is.EqualTo(ReleasedNames));
    }

    [Test]
    public async Task A_database_migrated_under_the_released_names_is_not_migrated_again()
    {
        ApplyAsTheReleaseDid(ReleasedNames);

        await MigrateAsync();

        Assert.That(await JournalAsync(), Is.EqualTo(ReleasedNames));
    }

    [Test]
    public void Control_a_database_journaled_under_other_names_is_migrated_again_and_fails()
    {
        ApplyAsTheReleaseDid(ReleasedNames.Select(name => name.Replace(".Database.Sqlite.", ".Sqlite.", StringComparison.Ordinal)).ToArray());

        Assert.That(MigrateAsync, Throws.InvalidOperationException.With.InnerException.Message.Contains("already exists"));
    }

    /// <summary>Runs the scripts' text with DbUp under <paramref name="names"/>, as an earlier build would have.</summary>
    private void ApplyAsTheReleaseDid(string[] names)
    {
        var contents = SqliteDatabaseMigrator.Scripts().Select(s => s.Contents).ToArray();
        Assert.That(contents, Has.Length.EqualTo(names.Length));
        var result = DeployChanges.To
            .SqliteDatabase(ConnectionString)
            .WithScripts(names.Select((name, i) => new SqlScript(name, contents[i])))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.That(result.Successful, Is.True, result.Error?.ToString());
    }

    private async Task<IReadOnlyList<string>> JournalAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        return (await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions ORDER BY ScriptName;")).ToArray();
    }
}
