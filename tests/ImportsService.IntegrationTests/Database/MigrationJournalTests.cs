using Dapper;
using ImportsService.Infrastructure.Database;
using ImportsService.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Database;

/// <summary>
/// DbUp journals each script under its embedded resource name and runs any name it has not seen. The
/// names must stay those of the first release (scripts under <c>Database/&lt;Provider&gt;/Migrations</c>),
/// wherever the files live now, or every existing database would run <c>CREATE TABLE</c> again and fail.
/// </summary>
internal sealed class MigrationJournalTests(string provider) : DatabaseTest(provider)
{
    /// <summary>The names the released service journaled, written out literally: never derive them.</summary>
    public static IReadOnlyList<string> ReleasedScriptNames(string provider) =>
    [
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0001_create_access_tables.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0002_create_imports.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0003_imports_timestamp_order_and_status_indexes.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0004_api_key_versions.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0005_api_key_hash_scheme.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0006_account_rate_plans.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0007_import_creation_order_marks.sql",
        $"ImportsService.Infrastructure.Database.{provider}.Migrations.0008_import_id_zones.sql",
    ];

    [Test]
    public async Task The_journal_names_every_script_as_the_first_release_did()
    {
        Assert.That(await JournalAsync(), Is.EqualTo(ReleasedScriptNames(Database.Provider)));
    }

    [Test]
    public async Task Migrating_a_migrated_database_again_applies_nothing()
    {
        await Database.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.That(await JournalAsync(), Is.EqualTo(ReleasedScriptNames(Database.Provider)));
    }

    private async Task<IReadOnlyList<string>> JournalAsync()
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions ORDER BY ScriptName;")).ToArray();
    }
}
