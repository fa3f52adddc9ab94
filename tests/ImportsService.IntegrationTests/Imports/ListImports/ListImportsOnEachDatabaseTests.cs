using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Imports.ListImports;

internal sealed class ListImportsOnEachDatabaseTests(string provider) : DatabaseTest(provider)
{
    private static readonly (ImportSortKey Key, string Name)[] TimestampKeys = [(ImportSortKey.CreatedAt, "sort[created_at]"), (ImportSortKey.UpdatedAt, "sort[updated_at]")];

    [Test]
    public async Task First_page_defaults_to_fifty_rows_newest_id_first()
    {
        var account = await Database.CreateAccountAsync("acc");
        var rows = await Database.InsertImportsAsync(account, Rows.Sample(120));

        var page = await ListAsync(new SentListImports(account));

        Assert.That(page.Records.Select(r => r.Id), Is.EqualTo(rows.Select(r => r.Id).OrderDescending().Take(50)));
        Assert.That(page.PerPage, Is.EqualTo(50));
        Assert.That(page.StartCursor, Is.Not.Empty);
        Assert.That(page.NextCursor, Is.Not.Null);
        Assert.That(page.EstimatedRemainingCount, Is.EqualTo(120));
        Assert.That(page.Listing, Is.EqualTo(ImportListing.Default));
    }

    [Test]
    public async Task Records_come_back_with_every_column_exactly_as_stored()
    {
        var account = await Database.CreateAccountAsync("acc");
        var rows = await Database.InsertImportsAsync(account, Rows.Sample(12));

        var page = await ListAsync(new SentListImports(account) { PerPage = "100", Sorts = [new SortParameter("sort[id]", ImportSortKey.Id, "asc")] });

        Assert.That(page.Records, Is.EqualTo(rows));
    }

    [TestCase(ImportSortKey.Id, "asc")]
    [TestCase(ImportSortKey.Id, "desc")]
    [TestCase(ImportSortKey.CreatedAt, "asc")]
    [TestCase(ImportSortKey.CreatedAt, "desc")]
    [TestCase(ImportSortKey.UpdatedAt, "asc")]
    [TestCase(ImportSortKey.UpdatedAt, "desc")]
    public async Task Walking_every_page_returns_each_row_once_in_sort_order_with_ties_broken_by_id(ImportSortKey key, string direction)
    {
        var account = await Database.CreateAccountAsync("acc");
        var rows = await Database.InsertImportsAsync(account, Rows.Sample(77));
        var name = key == ImportSortKey.Id ? "sort[id]" : TimestampKeys.Single(k => k.Key == key).Name;
        var query = new SentListImports(account) { PerPage = "10", Sorts = [new SortParameter(name, key, direction)] };

        var pages = await WalkAsync(query);

        var expected = ListingOracle.Apply(rows, pages[0].Listing);
        Assert.That(pages.SelectMany(p => p.Records), Is.EqualTo(expected));
        Assert.That(pages, Has.Count.EqualTo(8));
        Assert.That(pages[^1].NextCursor, Is.Null);
    }

    [Test]
    public async Task Filters_combine_with_and_and_bounds_are_exact_to_the_microsecond()
    {
        var account = await Database.CreateAccountAsync("acc");
        var rows = await Database.InsertImportsAsync(account, Rows.Sample(90));
        var lower = rows[30].CreatedAt;
        var upper = rows[10].UpdatedAt;
        var query = new SentListImports(account)
        {
            PerPage = "7",
            StatusInclude = "failed,complete,new,failed",
            TimestampFilters =
            [
                new TimestampFilterParameter("filter[created_at][gte]", ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, lower.ToString()),
                new TimestampFilterParameter("filter[updated_at][lt]", ImportTimestampField.UpdatedAt, BoundOperator.LessThan, upper.ToString()),
            ],
            Sorts = [new SortParameter("sort[created_at]", ImportSortKey.CreatedAt, "asc")],
        };

        var pages = await WalkAsync(query);

        var listing = pages[0].Listing;
        Assert.That(listing.Filter.Statuses, Is.EqualTo(ImportStatusSet.Of(ImportStatus.New, ImportStatus.Failed, ImportStatus.Complete)));
        Assert.That(listing.Filter.CreatedAt.Lower, Is.EqualTo(new TimestampBound(BoundOperator.GreaterThanOrEqual, lower)));
        var expected = ListingOracle.Apply(rows, listing);
        Assert.That(expected, Is.Not.Empty);
        Assert.That(expected.Select(r => r.CreatedAt), Has.Some.EqualTo(lower), "the gte bound must admit its own value");
        Assert.That(pages.SelectMany(p => p.Records), Is.EqualTo(expected));
    }

    [Test]
    public async Task Estimated_remaining_count_counts_from_the_page_start_and_stops_at_500()
    {
        var account = await Database.CreateAccountAsync("acc");
        await Database.InsertImportsAsync(account, Rows.Sample(620));

        var first = await ListAsync(new SentListImports(account) { PerPage = "100" });
        var pages = await WalkAsync(new SentListImports(account) { PerPage = "100" });

        Assert.That(first.EstimatedRemainingCount, Is.EqualTo(500));
        Assert.That(pages.Select(p => p.EstimatedRemainingCount), Is.EqualTo(new[] { 500, 500, 420, 320, 220, 120, 20 }));
    }

    [Test]
    public async Task The_reader_counts_from_its_position_and_stops_at_the_cap_it_is_given()
    {
        var account = await Database.CreateAccountAsync("acc");
        var ids = (await Database.InsertImportsAsync(account, Rows.Sample(30))).Select(r => r.Id).OrderDescending().ToArray();
        var reader = Database.Services.GetRequiredService<IImportPageReader>();

        var capped = await reader.ReadPageAsync(new KeysetPageRequest(account, ImportListing.Default, null, 5, 12), CancellationToken.None);
        var belowCap = await reader.ReadPageAsync(new KeysetPageRequest(account, ImportListing.Default, new KeysetPosition(null, ids[20]), 5, 12), CancellationToken.None);

        Assert.That(capped.Records.Select(r => r.Id), Is.EqualTo(ids.Take(5)));
        Assert.That(capped.CappedRemainingCount, Is.EqualTo(12));
        Assert.That(belowCap.Records.Select(r => r.Id), Is.EqualTo(ids.Skip(21).Take(5)));
        Assert.That(belowCap.CappedRemainingCount, Is.EqualTo(9));
    }

    [Test]
    public async Task Start_cursor_returns_the_same_page_again()
    {
        var account = await Database.CreateAccountAsync("acc");
        await Database.InsertImportsAsync(account, Rows.Sample(40));
        var pages = await WalkAsync(new SentListImports(account) { PerPage = "15", StatusInclude = "new,queued,failed" });

        foreach (var page in pages)
        {
            var again = await ListAsync(new SentListImports(account) { StartCursor = page.StartCursor });
            Assert.That(again.Records, Is.EqualTo(page.Records));
            Assert.That(again.NextCursor, Is.EqualTo(page.NextCursor));
            Assert.That(again.Listing, Is.EqualTo(page.Listing));
        }
    }

    [Test]
    public async Task An_account_never_sees_another_accounts_imports()
    {
        var mine = await Database.CreateAccountAsync("mine");
        var theirs = await Database.CreateAccountAsync("theirs");
        var myRows = await Database.InsertImportsAsync(mine, Rows.Sample(5));
        await Database.InsertImportsAsync(theirs, Rows.Sample(5));

        var page = await ListAsync(new SentListImports(mine));

        Assert.That(page.Records.Select(r => r.Id), Is.EquivalentTo(myRows.Select(r => r.Id)));
        Assert.That(page.EstimatedRemainingCount, Is.EqualTo(5));
    }

    [Test]
    public async Task A_cursor_of_another_account_is_rejected()
    {
        var mine = await Database.CreateAccountAsync("mine");
        var theirs = await Database.CreateAccountAsync("theirs");
        await Database.InsertImportsAsync(theirs, Rows.Sample(5));
        var theirPage = await ListAsync(new SentListImports(theirs) { PerPage = "2" });

        var failure = Assert.ThrowsAsync<RequestValidationException>(() => ListAsync(new SentListImports(mine) { StartCursor = theirPage.NextCursor }));

        Assert.That(failure!.Errors.Keys, Is.EquivalentTo(new[] { "start_cursor" }));
    }

    [Test]
    public async Task An_empty_account_has_one_empty_last_page()
    {
        var account = await Database.CreateAccountAsync("acc");

        var page = await ListAsync(new SentListImports(account));

        Assert.That(page.Records, Is.Empty);
        Assert.That(page.NextCursor, Is.Null);
        Assert.That(page.StartCursor, Is.Not.Empty);
        Assert.That(page.EstimatedRemainingCount, Is.Zero);
    }

    [Test]
    public async Task A_cancelled_request_does_not_reach_a_result()
    {
        var account = await Database.CreateAccountAsync("acc");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await ListAsync(new SentListImports(account), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }
}
