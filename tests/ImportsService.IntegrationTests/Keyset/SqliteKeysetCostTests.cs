using System.Globalization;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports.ListImports;
using ImportsService.Infrastructure.Keyset;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace ImportsService.IntegrationTests.Keyset;

/// <summary>
/// What the SQLite reader costs, counted in SQLite virtual-machine steps (every step of every statement on the
/// connection, through <c>sqlite3_progress_handler</c>) rather than timed: walking a large account page by page costs
/// O(rows), with and without filters, and a filter that matches nothing costs a small constant, whatever the
/// account's size. Each walk also returns exactly the rows the in-memory oracle expects.
/// </summary>
internal sealed class SqliteKeysetCostTests : SqliteDatabaseTest
{
    /// <summary>
    /// The account walked, one import a minute; another tenant's rows sit beside it. Before them come
    /// <see cref="BackFilled"/> imports created later, in the last tenth of that history, as an account's first imports
    /// may be back-filled (the demo account's are): their low ids are the creation-order floor of every earlier instant.
    /// </summary>
    private const int Rows = 20_000;

    private const int BackFilled = 500;

    private const int PerPage = 100;

    /// <summary>
    /// The most VM steps a whole walk may take per row of the account: a page reads its rows once and its capped count
    /// up to 500 more, a probed range at most the probe cap, each row a few dozen steps. A walk that restarted from a
    /// filter bound on every page (quadratic) would take thousands of steps per row at this size.
    /// </summary>
    private const int StepsPerRow = 250;

    /// <summary>The most VM steps one page of a listing that matches nothing may take: a few seeks that find nothing.</summary>
    private const int EmptyPageSteps = 2_000;

    /// <summary>
    /// What counting one index entry of a probed range may cost: a probe reads at most <see cref="KeysetQueryShape.ProbeCap"/>
    /// entries, a constant that does not grow with the account.
    /// </summary>
    private const int StepsPerProbedEntry = 10;

    /// <summary>What reading one import the filter then rejects may cost, in a seek or a count.</summary>
    private const int StepsPerRowRead = 30;

    private static readonly ImportStatus[] Present =
    [
        ImportStatus.Queued, ImportStatus.PartiallyComplete, ImportStatus.Failed, ImportStatus.Complete,
        ImportStatus.Incomplete, ImportStatus.RollingBack, ImportStatus.Unsupported,
    ];

    private static readonly UtcTimestamp Start = UtcTimestamp.FromDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private long account;
    private IReadOnlyList<Import> records = null!;

    [OneTimeSetUp]
    public async Task SeedAccounts()
    {
        account = await Database.CreateAccountAsync("walked");
        var other = await Database.CreateAccountAsync("other");
        await using var connection = (SqliteConnection)await Database.OpenAsync();
        await InsertAsync(connection, other, 2_000, seed: 2);
        await InsertAsync(connection, account, BackFilled, seed: 3, firstMinute: Rows * 9 / 10, minutesPerRow: Rows / 10 / BackFilled);
        await InsertAsync(connection, account, Rows, seed: 1);
        records = (await connection.QueryAsync<StoredRow>(
                "SELECT id AS Id, type AS Type, status AS Status, file_name AS FileName, file_size AS FileSize, note AS Note, completed_at AS CompletedAt, created_at AS CreatedAt, updated_at AS UpdatedAt FROM imports WHERE account_id = @account;",
                new { account }))
            .Select(row => row.ToRecord())
            .ToArray();
    }

    /// <summary>Instant <paramref name="minute"/> minutes into the walked account's data (which spans <see cref="Rows"/> minutes).</summary>
    private static UtcTimestamp Minute(long minute) => UtcTimestamp.FromUnixMicroseconds(Start.UnixMicroseconds + (minute * 60_000_000));

    private static readonly TimeRange Unbounded = TimeRange.Unbounded;

    private static TimeRange From(BoundOperator op, long minute) => new(new TimestampBound(op, Minute(minute)), null);

    private static TimeRange Until(BoundOperator op, long minute) => new(null, new TimestampBound(op, Minute(minute)));

    private static TimeRange Between(long from, long until) =>
        new(new TimestampBound(BoundOperator.GreaterThanOrEqual, Minute(from)), new TimestampBound(BoundOperator.LessThan, Minute(until)));

    private static ImportListing Listing(ImportSortKey key, SortDirection direction, ImportStatusSet? statuses = null, TimeRange? created = null, TimeRange? updated = null) =>
        new(new ImportFilter(statuses, created ?? Unbounded, updated ?? Unbounded), new ImportSort(key, direction));

    /// <summary>Walks that cover the access paths: plain seeks, status arms, own, derived and implied bounds, a probed range under the cap and one over it.</summary>
    private static IEnumerable<TestCaseData> Walks()
    {
        TestCaseData Case(string name, ImportListing listing) => new TestCaseData(listing).SetArgDisplayNames(name);

        yield return Case("id desc, no filter", Listing(ImportSortKey.Id, SortDirection.Descending));
        yield return Case("created_at asc, no filter", Listing(ImportSortKey.CreatedAt, SortDirection.Ascending));
        yield return Case("updated_at desc, one status", Listing(ImportSortKey.UpdatedAt, SortDirection.Descending, ImportStatusSet.Of(ImportStatus.Failed)));
        yield return Case("id asc, three statuses", Listing(ImportSortKey.Id, SortDirection.Ascending, ImportStatusSet.Of(ImportStatus.Queued, ImportStatus.Failed, ImportStatus.Complete)));
        // The bound lies on the side the position limits: each page must start at the position, not at the bound.
        yield return Case("created_at desc, created_at <= end (implied by the position)", Listing(ImportSortKey.CreatedAt, SortDirection.Descending, created: Until(BoundOperator.LessThanOrEqual, Rows * 2)));
        yield return Case("updated_at asc, two statuses, updated_at > start (implied)", Listing(ImportSortKey.UpdatedAt, SortDirection.Ascending, ImportStatusSet.Of(ImportStatus.Queued, ImportStatus.Complete), updated: From(BoundOperator.GreaterThan, -10)));
        yield return Case("updated_at asc, created_at >= middle (derived lower bound)", Listing(ImportSortKey.UpdatedAt, SortDirection.Ascending, created: From(BoundOperator.GreaterThanOrEqual, Rows / 2)));
        yield return Case("created_at desc, updated_at < middle (derived upper bound)", Listing(ImportSortKey.CreatedAt, SortDirection.Descending, updated: Until(BoundOperator.LessThan, Rows / 2)));
        yield return Case("updated_at desc, own and derived lower bounds", Listing(ImportSortKey.UpdatedAt, SortDirection.Descending, created: From(BoundOperator.GreaterThan, Rows / 4), updated: From(BoundOperator.GreaterThan, Rows / 2)));
        yield return Case("id desc, created_at in the middle half (probe over the cap: seek)", Listing(ImportSortKey.Id, SortDirection.Descending, created: Between(Rows / 4, Rows * 3 / 4)));
        yield return Case("id asc, updated_at in a narrow range (probe under the cap: range)", Listing(ImportSortKey.Id, SortDirection.Ascending, updated: Between(Rows / 2, (Rows / 2) + 1_500)));
        yield return Case("created_at asc, updated_at >= middle (probe over the cap: seek)", Listing(ImportSortKey.CreatedAt, SortDirection.Ascending, updated: From(BoundOperator.GreaterThanOrEqual, Rows / 2)));
    }

    [TestCaseSource(nameof(Walks))]
    public async Task Walking_a_large_account_page_by_page_costs_steps_in_proportion_to_its_rows(ImportListing listing)
    {
        var expected = ListingOracle.Apply(records, listing);

        var (walked, steps) = await WalkAsync(listing);

        Assert.That(walked, Is.EqualTo(expected.Select(r => r.Id)));
        TestContext.Out.WriteLine($"{walked.Count} rows in {walked.Count / PerPage + 1} pages: {steps:N0} steps, {(double)steps / Rows:F1} per row of the account");
        Assert.That(steps, Is.LessThan((long)StepsPerRow * Rows));
    }

    /// <summary>
    /// Time windows on an id sort near the start, in the middle and near the end of the account's history, each over the
    /// probe's cap so the seek reads them: without the creation-order marks (ADR 0010) the seek would start at the
    /// newest (oldest) id and read every row outside the window on that side first, and without the id zones (ADR 0012)
    /// an ascending one would read from the back-filled first ids to the window, as would any on updated_at alone.
    /// </summary>
    private static IEnumerable<TestCaseData> Windows()
    {
        TestCaseData Case(string name, ImportListing listing) => new TestCaseData(listing).SetArgDisplayNames(name);

        foreach (var start in new[] { Rows / 20, Rows / 2, Rows * 17 / 20 })
        {
            var window = Between(start, start + 2_500);
            var at = $"minute {start}";
            yield return Case($"id desc, created_at window at {at}", Listing(ImportSortKey.Id, SortDirection.Descending, created: window));
            yield return Case($"id asc, created_at window at {at}", Listing(ImportSortKey.Id, SortDirection.Ascending, created: window));
            yield return Case($"id desc, updated_at window at {at}", Listing(ImportSortKey.Id, SortDirection.Descending, updated: window));
            yield return Case($"id desc, one status, created_at window at {at}", Listing(ImportSortKey.Id, SortDirection.Descending, ImportStatusSet.Of(ImportStatus.Failed), created: window));
            yield return Case($"id asc, one status, created_at window at {at}", Listing(ImportSortKey.Id, SortDirection.Ascending, ImportStatusSet.Of(ImportStatus.Failed), created: window));
            yield return Case($"id asc, updated_at window at {at}", Listing(ImportSortKey.Id, SortDirection.Ascending, updated: window));
            yield return Case($"id asc, updated_at >= {at}", Listing(ImportSortKey.Id, SortDirection.Ascending, updated: From(BoundOperator.GreaterThanOrEqual, start)));

            yield return Case($"id asc, created_at > {at}", Listing(ImportSortKey.Id, SortDirection.Ascending, created: From(BoundOperator.GreaterThan, start)));
            yield return Case($"id desc, created_at <= {at} + 2500", Listing(ImportSortKey.Id, SortDirection.Descending, created: Until(BoundOperator.LessThanOrEqual, start + 2_500)));
            yield return Case($"id desc, updated_at < {at} + 2500", Listing(ImportSortKey.Id, SortDirection.Descending, updated: Until(BoundOperator.LessThan, start + 2_500)));
        }
    }

    [TestCaseSource(nameof(Windows))]
    public async Task The_first_page_of_a_time_window_on_an_id_sort_costs_about_an_unfiltered_first_page_wherever_the_window_lies(ImportListing listing)
    {
        var unfiltered = await FirstPageStepsAsync(Listing(ImportSortKey.Id, listing.Sort.Direction));

        var (ids, steps) = await FirstPageAsync(listing);

        // An updated_at bound is a created_at bound through created_at <= updated_at only on its upper side, and a zone holds
        // the imports created near an updated_at bound: the seek also reads the imports that straddle it (created before
        // it and updated after it, here up to three days, 4,320 rows), which no mark or zone excludes.
        var straddling = new[] { listing.Filter.UpdatedAt.Upper, listing.Filter.UpdatedAt.Lower }.OfType<TimestampBound>()
            .Sum(bound => records.Count(r => r.CreatedAt < bound.Value && r.UpdatedAt >= bound.Value));

        Assert.That(ids, Is.EqualTo(ListingOracle.Apply(records, listing).Take(PerPage + 1).Select(r => r.Id)));
        TestContext.Out.WriteLine($"{steps:N0} steps; the unfiltered first page {unfiltered:N0}; {straddling:N0} imports straddle an updated_at bound");
        // The probe counts up to its cap of entries first (a constant); the seek then costs what an unfiltered page does.
        Assert.That(steps, Is.LessThan((3 * unfiltered) + ((KeysetQueryShape.ProbeCap + straddling) * StepsPerProbedEntry)));
    }

    /// <summary>Windows sorted by the other timestamp, whose seek the id zones bound on the side it starts from (ADR 0012).</summary>
    private static IEnumerable<TestCaseData> OtherTimestampWindows()
    {
        TestCaseData Case(string name, ImportListing listing) => new TestCaseData(listing).SetArgDisplayNames(name);

        foreach (var start in new[] { Rows / 20, Rows / 2, Rows * 17 / 20 })
        {
            var window = Between(start, start + 2_500);
            yield return Case($"updated_at desc, created_at window at minute {start}", Listing(ImportSortKey.UpdatedAt, SortDirection.Descending, created: window));
            yield return Case($"created_at asc, updated_at window at minute {start}", Listing(ImportSortKey.CreatedAt, SortDirection.Ascending, updated: window));
            yield return Case($"updated_at desc, one status, created_at window at minute {start}", Listing(ImportSortKey.UpdatedAt, SortDirection.Descending, ImportStatusSet.Of(ImportStatus.Failed), created: window));
        }
    }

    /// <summary>
    /// The seek starts at the zones' bound, which lies within the update lag of the window's edge: it reads the imports
    /// whose sort key lies in that lag but whose other timestamp is outside the window (here up to three days, 4,320
    /// imports), a cost set by how far updates lag creation, not by the account's size or the window's position.
    /// </summary>
    [TestCaseSource(nameof(OtherTimestampWindows))]
    public async Task The_first_page_of_a_window_sorted_by_the_other_timestamp_reads_at_most_the_imports_within_the_update_lag_of_its_edge(ImportListing listing)
    {
        const int LagRows = 3 * 24 * 60;
        var unfiltered = await FirstPageStepsAsync(Listing(ImportSortKey.Id, SortDirection.Descending));

        var (ids, steps) = await FirstPageAsync(listing);

        Assert.That(ids, Is.EqualTo(ListingOracle.Apply(records, listing).Take(PerPage + 1).Select(r => r.Id)));
        TestContext.Out.WriteLine($"{steps:N0} steps; the unfiltered first page {unfiltered:N0}");
        Assert.That(steps, Is.LessThan((3 * unfiltered) + (KeysetQueryShape.ProbeCap * StepsPerProbedEntry) + (LagRows * StepsPerRowRead)));
    }

    [Test]
    public async Task Control_an_ascending_window_before_the_back_filled_imports_has_its_floor_among_them_and_one_id_range_from_there_costs_more_than_a_window_may()
    {
        var unfiltered = await FirstPageStepsAsync(Listing(ImportSortKey.Id, SortDirection.Ascending));
        var (from, until) = (Minute(Rows / 2), Minute((Rows / 2) + 2_500));
        var floor = records.Where(r => r.CreatedAt >= from).Min(r => r.Id);
        await using var connection = await OpenAsync();
        using var counter = new StepCounter(connection);

        // What the seek read before the zones: one id range from the creation-order floor, the window checked per row.
        var page = (await connection.QueryAsync<long>(
            "SELECT id FROM imports INDEXED BY ix_imports_account_id WHERE account_id = @account AND id >= @floor AND created_at >= @from AND created_at < @until ORDER BY id LIMIT 101;",
            new { account, floor, from = from.UnixMicroseconds, until = until.UnixMicroseconds })).ToArray();

        Assert.That(records.Single(r => r.Id == floor).CreatedAt, Is.GreaterThanOrEqualTo(Minute(Rows * 9 / 10)), "the floor is a back-filled import");
        Assert.That(page[0] - floor, Is.GreaterThan(Rows / 3), "a run of older imports lies between it and the window");
        Assert.That(counter.Steps, Is.GreaterThan((3 * unfiltered) + (KeysetQueryShape.ProbeCap * StepsPerProbedEntry)), "the page alone costs more than a window's whole first page may");
    }

    private async Task<long> FirstPageStepsAsync(ImportListing listing) => (await FirstPageAsync(listing)).Steps;

    private async Task<(IReadOnlyList<long> Ids, long Steps)> FirstPageAsync(ImportListing listing)
    {
        await using var connection = await OpenAsync();
        using var counter = new StepCounter(connection);
        var page = await SqliteImportPageReader.ReadAsync(connection, new KeysetPageRequest(account, listing, null, PerPage + 1, 500), null, CancellationToken.None);
        return (page.Records.Select(r => r.Id).ToArray(), counter.Steps);
    }

    /// <summary>Listings that match nothing, each through a different access path: none of them reads the account.</summary>
    private static IEnumerable<TestCaseData> Empty()
    {
        TestCaseData Case(string name, ImportListing listing) => new TestCaseData(listing).SetArgDisplayNames(name);

        yield return Case("a status no row has", Listing(ImportSortKey.CreatedAt, SortDirection.Descending, ImportStatusSet.Of(ImportStatus.New)));
        yield return Case("own range after the data", Listing(ImportSortKey.CreatedAt, SortDirection.Ascending, created: From(BoundOperator.GreaterThan, Rows * 10)));
        yield return Case("id sort, created_at before the data (probe: range)", Listing(ImportSortKey.Id, SortDirection.Descending, created: Until(BoundOperator.LessThan, -Rows)));
        yield return Case("id sort, updated_at after the data (probe: range)", Listing(ImportSortKey.Id, SortDirection.Ascending, updated: From(BoundOperator.GreaterThanOrEqual, Rows * 10)));
        yield return Case("updated_at sort, created_at after the data (derived)", Listing(ImportSortKey.UpdatedAt, SortDirection.Descending, created: From(BoundOperator.GreaterThanOrEqual, Rows * 10)));
        yield return Case("created_at sort, updated_at before the data (derived)", Listing(ImportSortKey.CreatedAt, SortDirection.Ascending, updated: Until(BoundOperator.LessThanOrEqual, -Rows)));
        yield return Case("created_at sort, updated_at after the data (probe: range)", Listing(ImportSortKey.CreatedAt, SortDirection.Descending, updated: From(BoundOperator.GreaterThan, Rows * 10)));
        yield return Case("updated_at sort, created_at before the data (probe: range)", Listing(ImportSortKey.UpdatedAt, SortDirection.Ascending, created: Until(BoundOperator.LessThan, -Rows)));
        yield return Case("three statuses no row has, a range over the probe cap", Listing(ImportSortKey.Id, SortDirection.Descending, ImportStatusSet.Of(ImportStatus.New, ImportStatus.Processing, ImportStatus.RolledBack), created: From(BoundOperator.GreaterThan, 0)));
    }

    [TestCaseSource(nameof(Empty))]
    public async Task A_listing_that_matches_nothing_costs_a_small_constant_not_a_read_of_the_account(ImportListing listing)
    {
        await using var connection = await OpenAsync();
        using var counter = new StepCounter(connection);

        var page = await SqliteImportPageReader.ReadAsync(connection, new KeysetPageRequest(account, listing, null, PerPage + 1, 500), null, CancellationToken.None);

        // A range probed over the cap reads the cap's worth of entries first, then seeks: still a constant.
        var probed = KeysetQueryShape.Of(new KeysetPageRequest(account, listing, null, PerPage + 1, 500)).ProbedColumns().Count;
        Assert.That(page.Records, Is.Empty);
        Assert.That(page.CappedRemainingCount, Is.Zero);
        TestContext.Out.WriteLine($"{counter.Steps:N0} steps");
        Assert.That(counter.Steps, Is.LessThan(EmptyPageSteps + (probed * KeysetQueryShape.ProbeCap * StepsPerProbedEntry)));
    }

    [Test]
    public async Task Control_reading_the_whole_account_once_costs_far_more_than_an_empty_page()
    {
        await using var connection = await OpenAsync();
        using var counter = new StepCounter(connection);

        var count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM imports INDEXED BY ix_imports_account_id WHERE account_id = @account AND note = 'no such note';", new { account });

        Assert.That(count, Is.Zero);
        Assert.That(counter.Steps, Is.GreaterThan(EmptyPageSteps * 4), "the step counter sees a read of every row");
    }

    private async Task<(IReadOnlyList<long> Ids, long Steps)> WalkAsync(ImportListing listing)
    {
        await using var connection = await OpenAsync();
        using var counter = new StepCounter(connection);
        var ids = new List<long>();
        KeysetPosition? after = null;
        while (true)
        {
            var page = await SqliteImportPageReader.ReadAsync(connection, new KeysetPageRequest(account, listing, after, PerPage + 1, 500), null, CancellationToken.None);
            var rows = page.Records.Take(PerPage).ToArray();
            ids.AddRange(rows.Select(r => r.Id));
            if (page.Records.Count <= PerPage)
            {
                return (ids, counter.Steps);
            }

            var last = rows[^1];
            after = new KeysetPosition(listing.Sort.Key switch
            {
                ImportSortKey.CreatedAt => last.CreatedAt,
                ImportSortKey.UpdatedAt => last.UpdatedAt,
                _ => null,
            }, last.Id);
        }
    }

    private async Task<SqliteConnection> OpenAsync() => (SqliteConnection)await Database.OpenAsync();

    /// <summary>
    /// One row every <paramref name="minutesPerRow"/> minutes from <paramref name="firstMinute"/>, every tenth repeating the
    /// previous instant (ties), updated up to three days after creation; seven statuses in turn, so new, processing and
    /// rolled_back have no row.
    /// </summary>
    private static async Task InsertAsync(SqliteConnection connection, long accountId, int count, int seed, int firstMinute = 0, int minutesPerRow = 1)
    {
        var random = new Random(seed);
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO imports (account_id, type, status, file_name, file_size, note, completed_at, created_at, updated_at)
            VALUES ($account, 'vehicles', $status, $file, 1024, NULL, NULL, $created, $updated);
            """;
        var accountParameter = command.Parameters.Add("$account", SqliteType.Integer);
        var status = command.Parameters.Add("$status", SqliteType.Integer);
        var file = command.Parameters.Add("$file", SqliteType.Text);
        var created = command.Parameters.Add("$created", SqliteType.Integer);
        var updated = command.Parameters.Add("$updated", SqliteType.Integer);
        accountParameter.Value = accountId;
        for (var i = 0; i < count; i++)
        {
            var minute = firstMinute + ((i % 10 == 9 ? i - 1 : i) * minutesPerRow);
            var createdAt = Minute(minute).UnixMicroseconds;
            status.Value = (int)Present[i % Present.Length];
            file.Value = string.Create(CultureInfo.InvariantCulture, $"file-{i}.csv");
            created.Value = createdAt;
            updated.Value = createdAt + (random.NextInt64(0, 3 * 24 * 60) * 60_000_000);
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Counts the VM steps of every statement the connection runs while it lives (in units of <see cref="Every"/>).</summary>
    private sealed class StepCounter : IDisposable
    {
        private const int Every = 10;
        private readonly SqliteConnection connection;
        private readonly SQLitePCL.delegate_progress callback;
        private long ticks;

        public StepCounter(SqliteConnection connection)
        {
            this.connection = connection;
            callback = _ =>
            {
                ticks++;
                return 0;
            };
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, Every, callback, null);
        }

        public long Steps => ticks * Every;

        public void Dispose() => SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
    }

    private sealed record StoredRow(long Id, string Type, long Status, string FileName, long FileSize, string? Note, long? CompletedAt, long CreatedAt, long UpdatedAt)
    {
        public Import ToRecord() => new(
            Id, Type, (ImportStatus)Status, FileName, FileSize, Note,
            CompletedAt is { } c ? UtcTimestamp.FromUnixMicroseconds(c) : null,
            UtcTimestamp.FromUnixMicroseconds(CreatedAt),
            UtcTimestamp.FromUnixMicroseconds(UpdatedAt));
    }
}
