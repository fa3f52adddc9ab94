using Dapper;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Keyset;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;

namespace ImportsService.IntegrationTests.Keyset;

/// <summary>
/// Every statement shape the SQLite reader can send must be an index SEARCH on the covering index of its
/// sort key: no table scan, no lookup into the table, no temporary B-tree for ORDER BY. Asked of SQLite
/// itself with EXPLAIN QUERY PLAN on a migrated database.
/// </summary>
internal sealed class SqliteKeysetPlanTests : SqliteDatabaseTest
{
    /// <summary>
    /// Without a status filter: one SEARCH on the sort key's covering index. With one: one SEARCH per included status
    /// (here all ten, and one and three below) on the status-led covering index, each bounded by the account and its
    /// status; the page merges them in sort order by <c>MERGE (UNION ALL)</c>, the count adds them up, and nothing is
    /// sorted. After a position, every search starts past it. An id seek with a time window walks the id zones (ADR 0012):
    /// each zone level a SEARCH on its primary key within its parent's range, then the ids of a zone; a status filter's
    /// merged page, at most take rows, is put back in id order once the zone numbers it merged on are dropped. A timestamp
    /// seek the zones bound takes its bound as a parameter (examined below).
    /// </summary>
    [Test]
    public async Task Every_page_and_count_statement_is_an_index_search_on_the_covering_index_of_its_sort_key_starting_past_its_position()
    {
        await using var connection = await Database.OpenAsync();
        var problems = new List<string>();
        foreach (var shape in KeysetQueryShapes.All())
        {
            foreach (var statuses in shape.FiltersStatus ? new[] { ImportStatusSet.StatusCount, 1, 3 } : [0])
            {
                var index = shape.FiltersStatus ? shape.StatusIndex() : SqliteKeysetSql.IndexFor(shape.SortKey);
                var seek = $"SEARCH imports USING COVERING INDEX {index} (account_id=?{(shape.FiltersStatus ? " AND status=?" : string.Empty)}";
                var statements = SeekStatements(shape, statuses);
                for (var i = 0; i < statements.Count; i++)
                {
                    var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + statements[i], AllParameters)).Select(r => r.Detail).ToArray();
                    var arms = shape.FiltersStatus ? statuses : 1;
                    var onImports = plan.Where(d => d.Contains("imports", StringComparison.Ordinal)).ToArray();
                    var good = onImports.Length == arms
                               && onImports.All(d => d.StartsWith(seek, StringComparison.Ordinal))
                               && (!shape.HasPosition || onImports.All(d => d.Contains(PositionSeek(shape), StringComparison.Ordinal)))
                               && (i > 0 || statuses < 2 || plan.Contains("MERGE (UNION ALL)"))
                               && ZoneWalk(shape, plan, statuses)
                               && SortsOnlyAMergedPage(shape, plan, isPage: i == 0);
                    if (!good)
                    {
                        problems.Add($"{shape} ({statuses} statuses): {string.Join(" | ", plan)}");
                    }
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(10)));
    }

    /// <summary>
    /// Every statement the reader can send, of every shape, on every access path (seek, probe, probed range): the table is
    /// only ever read by SEARCH on a covering index bounded by the account, never scanned. The only sorts are the probed
    /// range's page: a top-N sort of the keys of at most <see cref="KeysetQueryShape.ProbeCap"/> index entries (the probe chose
    /// that path because the range holds fewer), then the take rows it keeps, each fetched by primary key, put back in
    /// order (SQLite skips that second sort where it sees the keys arrive in order); probe and range statements search the
    /// filter column's own index on its range.
    /// </summary>
    [Test]
    public async Task Every_statement_of_every_access_path_searches_a_covering_index_and_only_a_probed_range_is_sorted()
    {
        await using var connection = await Database.OpenAsync();
        var problems = new List<string>();
        var probed = 0;
        foreach (var shape in KeysetQueryShapes.All())
        {
            var checks = SeekStatements(shape).Select(sql => (sql, Sorts: false, Column: (string?)null)).ToList();
            if (SqliteKeysetSql.ZoneBounds(shape, ImportStatusSet.StatusCount) is { } zoneBounds)
            {
                checks.Add((zoneBounds, false, null));
            }

            if (SqliteKeysetSql.Probe(shape) is { } probe)
            {
                probed++;
                var ranges = shape.ProbedColumns().Select(column => (Column: column, Statements: SqliteKeysetSql.Range(shape, column))).ToArray();
                checks.AddRange(ranges.Select(range => (probe, false, (string?)range.Column)));
                checks.AddRange(ranges.Select(range => (range.Statements.Page, true, (string?)range.Column)));
                checks.AddRange(ranges.Select(range => (range.Statements.Count, false, (string?)range.Column)));
            }

            foreach (var (sql, sorts, column) in checks)
            {
                var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + sql, AllParameters)).Select(r => r.Detail).ToArray();
                const string RowOfPage = "SEARCH imports USING INTEGER PRIMARY KEY (rowid=?)";
                var onImports = plan.Where(d => d.Contains("imports", StringComparison.Ordinal) && d != RowOfPage).ToArray();
                var sortsRows = plan.Where(d => d.Contains("TEMP B-TREE", StringComparison.Ordinal)).ToArray();
                var good = onImports.Length > 0
                           && onImports.All(d => d.StartsWith("SEARCH imports USING COVERING INDEX ", StringComparison.Ordinal) && d.Contains("(account_id=?", StringComparison.Ordinal))
                           && plan.Count(d => d == RowOfPage) == (sorts ? 1 : 0)
                           && (sorts
                               // the keys' top-N sort; then, unless SQLite sees the keys already arrive in order, the take rows'
                               ? sortsRows.Length is 1 or 2 && sortsRows.All(d => d == "USE TEMP B-TREE FOR ORDER BY")
                               : SortsOnlyAMergedPage(shape, plan, isPage: sql == SqliteKeysetSql.Seek(shape, ImportStatusSet.StatusCount).Page))
                           && (column is null || onImports.Any(d => d.Contains($"{SqliteKeysetSql.IndexFor(KeyOf(column))} (account_id=? AND {column}", StringComparison.Ordinal)));
                if (!good)
                {
                    problems.Add($"{shape} {(column is null ? "seek" : "range of " + column)}: {string.Join(" | ", plan)}");
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(10)));
        Assert.That(probed, Is.GreaterThan(0));
    }

    /// <summary>
    /// created_at &lt;= updated_at turns a lower bound on created_at into one on updated_at, and an upper bound on
    /// updated_at into one on created_at: with no bound of its own and no position, the seek on the sort key is a range.
    /// </summary>
    [TestCase(ImportSortKey.UpdatedAt, "updated_at>?")]
    [TestCase(ImportSortKey.CreatedAt, "created_at<?")]
    public async Task A_bound_derived_from_the_other_timestamp_is_a_range_of_the_sort_keys_seek(ImportSortKey key, string range)
    {
        await using var connection = await Database.OpenAsync();
        var shapes = KeysetQueryShapes.All().Where(s => s.SortKey == key && !s.HasPosition && (s.SeekSide(lower: true).Derived ?? s.SeekSide(lower: false).Derived) is not null).ToArray();

        Assert.That(shapes, Is.Not.Empty);
        foreach (var shape in shapes)
        {
            foreach (var statement in SeekStatements(shape))
            {
                var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + statement, AllParameters)).Select(r => r.Detail).Where(d => d.Contains("imports", StringComparison.Ordinal) && !IsZoneRead(d)).ToArray();
                Assert.That(plan, Has.All.Contains(range), shape.ToString());
            }
        }
    }

    /// <summary>
    /// After a position, the sort key's own bound on the position's side is implied by it: the seek starts at the
    /// position, and the bound is still checked, with a unary + so SQLite cannot make it the start of the range.
    /// </summary>
    [Test]
    public void A_bound_the_position_implies_is_checked_but_cannot_start_the_seek()
    {
        var shapes = KeysetQueryShapes.All().Where(s => s.ImpliedByPosition() is not null).ToArray();

        Assert.That(shapes, Is.Not.Empty);
        foreach (var shape in shapes)
        {
            var bound = shape.ImpliedByPosition()!;
            var written = $"+{bound.Column} {ImportColumnsOperator(bound.Operator)} @{bound.Parameter}";
            foreach (var statement in SeekStatements(shape))
            {
                Assert.That(statement, Does.Contain(written), shape.ToString());
                Assert.That(statement.Replace(written, string.Empty, StringComparison.Ordinal), Does.Not.Contain("@" + bound.Parameter), shape.ToString());
            }
        }
    }

    private static string ImportColumnsOperator(BoundOperator op) => op switch
    {
        BoundOperator.LessThan => "<",
        BoundOperator.LessThanOrEqual => "<=",
        BoundOperator.GreaterThan => ">",
        _ => ">=",
    };

    private static ImportSortKey KeyOf(string column) => column == "created_at" ? ImportSortKey.CreatedAt : ImportSortKey.UpdatedAt;

    [Test]
    public void Every_count_reads_the_index_in_the_pages_order_so_it_stops_where_the_page_found_its_rows()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            var statements = SeekStatements(shape);
            var page = statements[0];
            var orderBy = page[page.LastIndexOf("ORDER BY", page.LastIndexOf("LIMIT", StringComparison.Ordinal), StringComparison.Ordinal)..page.LastIndexOf("LIMIT", StringComparison.Ordinal)].Trim();
            if (shape is { ReadsIdZones: true, FiltersStatus: true })
            {
                // The merge orders by the arms' zone numbers under their select-list names.
                orderBy = orderBy.Replace("outer_zone_no", IdZones.Outer + ".zone_no", StringComparison.Ordinal)
                    .Replace("inner_zone_no", IdZones.Inner + ".zone_no", StringComparison.Ordinal)
                    .Replace("Id ", "id ", StringComparison.Ordinal);
            }

            Assert.That(statements[1], Does.Contain(orderBy + " LIMIT @count_cap"), shape.ToString());
        }
    }

    [Test]
    public async Task A_later_page_seeks_past_its_position_instead_of_filtering_after_the_account()
    {
        await using var connection = await Database.OpenAsync();
        var shape = KeysetQueryShapes.All().First(s => s is { SortKey: Domain.Imports.ImportSortKey.CreatedAt, HasPosition: true, CreatedLower: null, CreatedUpper: null });

        var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + SqliteKeysetSql.Seek(shape, ImportStatusSet.StatusCount).Page, AllParameters)).Single().Detail;

        // SQLite shows the row-value range by its leading column: the seek starts at the position.
        Assert.That(plan, Does.EndWith("(account_id=? AND created_at>?)"));
    }

    /// <summary>
    /// The plan tests examine each statement on its own; a request sends them as cached commands: the probe alone, then one
    /// range's page and count, or the seek's, as one command each.
    /// </summary>
    [Test]
    public void The_commands_a_request_sends_are_exactly_the_statements_examined_here()
    {
        foreach (var shape in KeysetQueryShapes.All())
        {
            foreach (var statuses in shape.FiltersStatus ? Enumerable.Range(1, ImportStatusSet.StatusCount) : [0])
            {
                var commands = SqliteKeysetSql.For(shape, statuses);
                var seek = SqliteKeysetSql.Seek(shape, statuses);

                Assert.That(commands.Seek, Is.EqualTo(seek.Page + "\n" + seek.Count), shape.ToString());
                Assert.That(commands.ZoneBounds, Is.EqualTo(SqliteKeysetSql.ZoneBounds(shape, statuses)), shape.ToString());
                Assert.That(commands.Probe, Is.EqualTo(SqliteKeysetSql.Probe(shape)), shape.ToString());
                Assert.That(commands.Ranges, Is.EqualTo(shape.ProbedColumns().Select(column => SqliteKeysetSql.Range(shape, column)).Select(range => range.Page + "\n" + range.Count)), shape.ToString());
                Assert.That(SqliteKeysetSql.For(shape, statuses), Is.SameAs(commands), "written once");
            }
        }
    }

    /// <summary>
    /// The zones' bounds of a timestamp seek (ADR 0012), one per arm: each searches the outer zones on their primary key, the
    /// inner zones of a crossed outer zone within its range, and a sparse inner zone's imports by id, all within the zone.
    /// </summary>
    [Test]
    public async Task The_zones_bounds_of_a_timestamp_seek_search_each_zone_level_and_a_crossed_zones_imports_by_id()
    {
        await using var connection = await Database.OpenAsync();
        var problems = new List<string>();
        var bounded = 0;
        foreach (var shape in KeysetQueryShapes.All())
        {
            foreach (var statuses in shape.FiltersStatus ? new[] { ImportStatusSet.StatusCount, 1, 3 } : [0])
            {
                var sql = SqliteKeysetSql.ZoneBounds(shape, statuses);
                if ((sql is null) != (shape.ZoneBoundedSide() is null))
                {
                    problems.Add($"{shape}: zone bounds {(sql is null ? "missing" : "unexpected")}");
                }

                if (sql is null)
                {
                    continue;
                }

                bounded++;
                var arms = shape.FiltersStatus ? statuses : 1;
                var plan = (await connection.QueryAsync<PlanRow>("EXPLAIN QUERY PLAN " + sql, AllParameters)).Select(r => r.Detail).ToArray();
                var key = $"USING PRIMARY KEY (account_id=? AND {(shape.FiltersStatus ? "zone_status=? AND " : string.Empty)}zone_size=?";
                var good = plan.Count(d => d.StartsWith($"SEARCH {IdZones.Outer} {key}", StringComparison.Ordinal)) == arms
                           && plan.Count(d => d.StartsWith($"SEARCH {IdZones.Inner} {key} AND zone_no>? AND zone_no<?)", StringComparison.Ordinal)) == arms
                           && plan.Count(IsZoneRead) == arms
                           && plan.Count(d => d.Contains("imports", StringComparison.Ordinal)) == arms
                           && !plan.Any(d => d.StartsWith("SCAN ", StringComparison.Ordinal) && d.Contains("zone ", StringComparison.Ordinal));
                if (!good)
                {
                    problems.Add($"{shape} ({statuses} statuses): {string.Join(" | ", plan)}");
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(10)));
        Assert.That(bounded, Is.GreaterThan(0));
    }

    /// <summary>
    /// A zone walk searches each zone level on its primary key, the account (and an arm's status) and the size, an inner
    /// zone also within its outer zone's range, once per arm; any other seek reads no zone.
    /// </summary>
    private static bool ZoneWalk(KeysetQueryShape shape, string[] plan, int statuses)
    {
        var zones = plan.Where(d => d.Contains("_zone ", StringComparison.Ordinal)).ToArray();
        var arms = shape.FiltersStatus ? statuses : 1;
        if (!shape.ReadsIdZones)
        {
            return zones.Length == 0;
        }

        var key = $"USING PRIMARY KEY (account_id=? AND {(shape.FiltersStatus ? "zone_status=? AND " : string.Empty)}zone_size=?";
        return zones.Count(d => d.StartsWith($"SEARCH {IdZones.Outer} {key}", StringComparison.Ordinal)) == arms
               && zones.Count(d => d.StartsWith($"SEARCH {IdZones.Inner} {key} AND zone_no>? AND zone_no<?)", StringComparison.Ordinal)) == arms
               && zones.Length == 2 * arms;
    }

    /// <summary>Nothing is sorted, but a zone walk's merged status page of at most take rows, last, put back in id order.</summary>
    private static bool SortsOnlyAMergedPage(KeysetQueryShape shape, string[] plan, bool isPage)
    {
        var sorts = plan.Count(d => d.Contains("TEMP B-TREE", StringComparison.Ordinal));
        return shape is { ReadsIdZones: true, FiltersStatus: true } && isPage
            ? sorts == 1 && plan[^1] == "USE TEMP B-TREE FOR ORDER BY" && plan[^2].StartsWith("SCAN (subquery-", StringComparison.Ordinal)
            : sorts == 0;
    }

    /// <summary>The seek's page and count, for a set of all ten statuses unless told otherwise.</summary>
    private static IReadOnlyList<string> SeekStatements(KeysetQueryShape shape, int statuses = ImportStatusSet.StatusCount)
    {
        var (page, count) = SqliteKeysetSql.Seek(shape, statuses);
        return [page, count];
    }

    /// <summary>
    /// After a position the seek itself starts past it: the index range names the sort column
    /// (<c>created_at&lt;?</c>), not only <c>account_id=?</c> followed by a filter over the account's rows.
    /// </summary>
    private static string PositionSeek(KeysetQueryShape shape) =>
        $"AND {(shape.SortKey == Domain.Imports.ImportSortKey.Id ? "id" : SortColumn(shape))}{(shape.Direction == Domain.Imports.SortDirection.Descending ? "<" : ">")}";

    private static string SortColumn(KeysetQueryShape shape) =>
        shape.SortKey == Domain.Imports.ImportSortKey.CreatedAt ? "created_at" : "updated_at";

    /// <summary>The id zones' bound of a timestamp seek reads a crossed zone's imports by id (of the arm's status), within the zone.</summary>
    private static bool IsZoneRead(string detail) =>
        detail is "SEARCH imports USING COVERING INDEX ix_imports_account_id (account_id=? AND id>? AND id<?)"
            or "SEARCH imports USING COVERING INDEX ix_imports_account_status_id (account_id=? AND status=? AND id>? AND id<?)";

    private static readonly object AllParameters = new
    {
        account_id = 1L, take = 51L, count_cap = 500L, status_mask = 3L, probe_cap = 2000L,
        created_lower = 0L, created_upper = 0L, updated_lower = 0L, updated_upper = 0L, after_ts = 0L, after_id = 0L,
        zone_bound_0 = 0L, zone_bound_1 = 0L, zone_bound_2 = 0L, zone_bound_3 = 0L, zone_bound_4 = 0L,
        zone_bound_5 = 0L, zone_bound_6 = 0L, zone_bound_7 = 0L, zone_bound_8 = 0L, zone_bound_9 = 0L,
    };

    private sealed record PlanRow(long Id, long Parent, long Notused, string Detail);
}
