using Dapper;
using ImportsService.Infrastructure.Imports.GetImport;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;

namespace ImportsService.IntegrationTests.Imports.GetImport;

/// <summary>
/// The GetImport statement is one SEARCH, of the primary key or of the (account_id, id) index, never a SCAN:
/// asked of SQLite itself with EXPLAIN QUERY PLAN on a migrated database.
/// </summary>
internal sealed class SqliteImportReaderPlanTests : SqliteDatabaseTest
{
    [Test]
    public async Task Finding_an_import_is_one_search_of_the_primary_key_or_the_account_and_id_index_never_a_scan()
    {
        await using var connection = await Database.OpenAsync();

        var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + SqliteImportReader.Sql, new { account_id = 1L, id = 1L }))
            .Select(r => r.Detail)
            .ToArray();

        // Today SQLite picks the rowid (id is the INTEGER PRIMARY KEY) and checks account_id on that one row.
        Assert.That(plan, Is.EqualTo(new[] { "SEARCH imports USING INTEGER PRIMARY KEY (rowid=?)" })
            .Or.EqualTo(new[] { "SEARCH imports USING COVERING INDEX ix_imports_account_id (account_id=? AND id=?)" }));
        Assert.That(plan, Has.None.Contains("SCAN").And.None.Contains("TEMP B-TREE"));
    }

    private sealed record PlanRow(long Id, long Parent, long Notused, string Detail);
}
