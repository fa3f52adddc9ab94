using Dapper;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;

namespace ImportsService.IntegrationTests.Imports.Sqlite;

/// <summary>
/// Every statement shape the SQLite reader can send must be an index SEARCH on the covering index of its
/// sort key: no table scan, no lookup into the table, no temporary B-tree for ORDER BY. Asked of SQLite
/// itself with EXPLAIN QUERY PLAN on a migrated database.
/// </summary>
internal sealed class SqliteKeysetPlanTests
{
    private SqliteTestDatabase database = null!;

    [OneTimeSetUp]
    public async Task StartDatabase()
    {
        database = new SqliteTestDatabase();
        await database.InitializeAsync();
    }

    [OneTimeTearDown]
    public async Task StopDatabase() => await database.DisposeAsync();

    [Test]
    public void There_are_1944_statement_shapes() =>
        Assert.That(KeysetQueryShapes.All().Distinct().Count(), Is.EqualTo(1944));

    [Test]
    public async Task Every_page_and_count_statement_is_an_index_search_on_the_covering_index_of_its_sort_key_starting_past_its_position()
    {
        await using var connection = await database.OpenAsync();
        var problems = new List<string>();
        foreach (var shape in KeysetQueryShapes.All())
        {
            var index = SqliteKeysetSql.IndexFor(shape.SortKey);
            foreach (var statement in SqliteKeysetSql.Instance.Statements(shape))
            {
                var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + statement, AllParameters)).Select(r => r.Detail).ToArray();
                var onImports = plan.Where(d => d.Contains("imports", StringComparison.Ordinal)).ToArray();
                var good = onImports.Length == 1
                           && onImports[0].StartsWith($"SEARCH imports USING COVERING INDEX {index} (account_id=?", StringComparison.Ordinal)
                           && (!shape.HasPosition || onImports[0].Contains(PositionSeek(shape), StringComparison.Ordinal))
                           && !plan.Any(d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
                if (!good)
                {
                    problems.Add($"{shape}: {string.Join(" | ", plan)}");
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(10)));
    }

    [Test]
    public void Every_count_reads_the_index_in_the_pages_order_so_it_stops_where_the_page_found_its_rows()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            var statements = SqliteKeysetSql.Instance.Statements(shape);
            var orderBy = statements[0][statements[0].IndexOf("ORDER BY", StringComparison.Ordinal)..statements[0].IndexOf("LIMIT", StringComparison.Ordinal)].Trim();

            Assert.That(statements[1], Does.Contain(orderBy + " LIMIT @count_cap"), shape.ToString());
        }
    }

    [Test]
    public async Task A_later_page_seeks_past_its_position_instead_of_filtering_after_the_account()
    {
        await using var connection = await database.OpenAsync();
        var shape = KeysetQueryShapes.All().First(s => s is { SortKey: Domain.Imports.ImportSortKey.CreatedAt, HasPosition: true, CreatedLower: null, CreatedUpper: null });

        var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + SqliteKeysetSql.Instance.Statements(shape)[0], AllParameters)).Single().Detail;

        // SQLite shows the row-value range by its leading column: the seek starts at the position.
        Assert.That(plan, Does.EndWith("(account_id=? AND created_at>?)"));
    }

    /// <summary>
    /// After a position the seek itself starts past it: the index range names the sort column
    /// (<c>created_at&lt;?</c>), not only <c>account_id=?</c> followed by a filter over the account's rows.
    /// </summary>
    private static string PositionSeek(KeysetQueryShape shape) =>
        $"AND {(shape.SortKey == Domain.Imports.ImportSortKey.Id ? "id" : SortColumn(shape))}{(shape.Direction == Domain.Imports.SortDirection.Descending ? "<" : ">")}";

    private static string SortColumn(KeysetQueryShape shape) =>
        shape.SortKey == Domain.Imports.ImportSortKey.CreatedAt ? "created_at" : "updated_at";

    private static readonly object AllParameters = new
    {
        account_id = 1L, take = 51L, count_cap = 500L, status_mask = 3L,
        created_lower = 0L, created_upper = 0L, updated_lower = 0L, updated_upper = 0L, after_ts = 0L, after_id = 0L,
    };

    private sealed record PlanRow(long Id, long Parent, long Notused, string Detail);
}
