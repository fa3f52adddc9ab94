using CsCheck;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using static ImportsService.Tests.Shared.SentListImports;

namespace ImportsService.UnitTests.Application.Imports.ListImports;

public sealed class ListImportsHandlerTests : PipelineTest
{
    private const long AccountId = 7;
    private static readonly long Epoch2024 = 1_704_067_200_000_000;

    private static readonly ImportListing FailedOrCompleteByCreatedAtAscending = new(
        ImportFilter.None with { Statuses = ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete) },
        new ImportSort(ImportSortKey.CreatedAt, SortDirection.Ascending));

    [Test]
    public async Task A_page_asks_the_reader_for_one_row_more_than_per_page_from_the_start()
    {
        await Pipeline.Send(new SentListImports(AccountId) { PerPage = "10" });

        Assert.That(Pipeline.Imports.Requests.Single(), Is.EqualTo(new KeysetPageRequest(AccountId, ImportListing.Default, null, 11, 500)));
    }

    [Test]
    public async Task Without_per_page_a_page_has_50_rows()
    {
        Seed(60);

        var result = await Pipeline.Send(new SentListImports(AccountId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pipeline.Imports.Requests.Single().Take, Is.EqualTo(51));
            Assert.That(result.PerPage, Is.EqualTo(50));
            Assert.That(result.Records, Has.Count.EqualTo(50));
        }
    }

    [Test]
    public async Task The_extra_row_is_not_returned_and_means_there_is_a_next_page()
    {
        Seed(6);

        var result = await Pipeline.Send(new SentListImports(AccountId) { PerPage = "5" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Records.Select(r => r.Id), Is.EqualTo(new long[] { 6, 5, 4, 3, 2 }));
            Assert.That(result.NextCursor, Is.Not.Null);
        }
    }

    [Test]
    public async Task A_page_that_holds_the_last_row_has_no_next_cursor()
    {
        Seed(5);

        var result = await Pipeline.Send(new SentListImports(AccountId) { PerPage = "5" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Records, Has.Count.EqualTo(5));
            Assert.That(result.NextCursor, Is.Null);
        }
    }

    [Test]
    public async Task An_account_without_imports_gets_an_empty_last_page_that_still_has_a_start_cursor()
    {
        var result = await Pipeline.Send(new SentListImports(AccountId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Records, Is.Empty);
            Assert.That(result.NextCursor, Is.Null);
            Assert.That(result.StartCursor, Is.Not.Empty);
            Assert.That(result.EstimatedRemainingCount, Is.Zero);
        }
    }

    [Test]
    public async Task The_next_cursor_resumes_strictly_after_the_last_row_of_the_page()
    {
        Seed(20);
        var first = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending, perPage: 3));

        var second = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor });

        var last = first.Records[^1];
        Assert.That(Pipeline.Imports.Requests[1].After, Is.EqualTo(new KeysetPosition(last.CreatedAt, last.Id)));
        Assert.That(second.Records.Select(r => r.Id), Has.None.AnyOf(first.Records.Select(r => r.Id).ToArray()));
    }

    [Test]
    public async Task A_cursor_alone_resumes_its_listing_and_its_per_page()
    {
        Seed(20);
        var first = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending, perPage: 3));

        var second = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pipeline.Imports.Requests[1].Listing, Is.EqualTo(FailedOrCompleteByCreatedAtAscending));
            Assert.That(Pipeline.Imports.Requests[1].Take, Is.EqualTo(4));
            Assert.That(second.Listing, Is.EqualTo(FailedOrCompleteByCreatedAtAscending));
            Assert.That(second.PerPage, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task A_per_page_sent_with_a_cursor_overrides_the_cursors_and_is_carried_on()
    {
        Seed(30);
        var first = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending, perPage: 3));

        var second = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor, PerPage = "4" });
        var third = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = second.NextCursor });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pipeline.Imports.Requests[1].Take, Is.EqualTo(5));
            Assert.That(second.PerPage, Is.EqualTo(4));
            Assert.That(second.Records, Has.Count.EqualTo(4));
            Assert.That(third.PerPage, Is.EqualTo(4));
        }
    }

    [Test]
    public async Task The_start_cursor_of_the_first_page_returns_the_first_page_again()
    {
        Seed(10);
        var first = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending, perPage: 2));

        var again = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.StartCursor });

        AssertSamePage(again, first);
    }

    [Test]
    public async Task The_start_cursor_of_a_later_page_returns_that_page_again()
    {
        Seed(10);
        var first = await Pipeline.Send(For(AccountId, ImportListing.Default, perPage: 3));
        var second = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor });

        var again = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = second.StartCursor });

        AssertSamePage(again, second);
    }

    [Test]
    public async Task A_cursor_sent_with_its_own_filters_and_sort_resumes_the_same_listing()
    {
        Seed(20);
        var first = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending, perPage: 3));

        var second = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending) with { StartCursor = first.NextCursor });
        var alone = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor });

        AssertSamePage(second, alone);
    }

    [Test]
    public async Task The_result_reports_the_listing_actually_applied()
    {
        var result = await Pipeline.Send(For(AccountId, FailedOrCompleteByCreatedAtAscending));

        Assert.That(result.Listing, Is.EqualTo(FailedOrCompleteByCreatedAtAscending));
    }

    [Test]
    public async Task The_remaining_count_counts_from_the_first_row_of_the_page()
    {
        Seed(12);
        var first = await Pipeline.Send(new SentListImports(AccountId) { PerPage = "5" });
        var second = await Pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.EstimatedRemainingCount, Is.EqualTo(12));
            Assert.That(second.EstimatedRemainingCount, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task The_remaining_count_stops_at_500()
    {
        Seed(700);

        var result = await Pipeline.Send(new SentListImports(AccountId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pipeline.Imports.Requests.Single().CountCap, Is.EqualTo(500));
            Assert.That(result.EstimatedRemainingCount, Is.EqualTo(500));
        }
    }

    [Test]
    public async Task The_remaining_count_is_capped_at_500_even_when_a_reader_counts_further()
    {
        Seed(3);
        Pipeline.Imports.ReportRemainingCount = 10_000;

        var result = await Pipeline.Send(new SentListImports(AccountId));

        Assert.That(result.EstimatedRemainingCount, Is.EqualTo(500));
    }

    [Test]
    public async Task The_cancellation_token_reaches_the_reader()
    {
        using var cancellation = new CancellationTokenSource();

        await Pipeline.Send(new SentListImports(AccountId), cancellation.Token);

        Assert.That(Pipeline.Imports.Tokens.Single(), Is.EqualTo(cancellation.Token));
    }

    [Test]
    public async Task Only_the_callers_account_is_read()
    {
        Pipeline.Imports.Add(AccountId + 1, [Import(1, ImportStatus.New, 0, 0)]);

        var result = await Pipeline.Send(new SentListImports(AccountId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Pipeline.Imports.Requests.Single().AccountId, Is.EqualTo(AccountId));
            Assert.That(result.Records, Is.Empty);
        }
    }

    [Test]
    public async Task Walking_any_listing_by_its_next_cursors_returns_every_matching_import_once_in_order()
    {
        var records = Gen.Select(Gen.Enum<ImportStatus>(), Gen.Int[0, 9], Gen.Int[0, 9]).Array[0, 40]
            .Select(rows => rows.Select((row, i) => Import(i + 1, row.Item1, row.Item2, row.Item3)).ToArray());
        var scenario = Gen.Select(records, SmallListing, Gen.Int[ListingLimits.MinPerPage, 7]);

        await scenario.SampleAsync(async (imports, listing, perPage) =>
        {
            using var walk = new ApplicationPipeline();
            walk.Imports.Add(AccountId, imports);
            var expected = ListingOracle.Apply(imports, listing).Select(r => r.Id).ToArray();

            var seen = new List<long>();
            var page = await walk.Send(For(AccountId, listing, perPage));
            var pages = 1;
            while (true)
            {
                Assert.That(page.EstimatedRemainingCount, Is.EqualTo(expected.Length - seen.Count));
                seen.AddRange(page.Records.Select(r => r.Id));
                if (page.NextCursor is null)
                {
                    break;
                }

                Assert.That(page.Records, Has.Count.EqualTo(perPage), "only the last page may be short");
                Assert.That(pages++, Is.LessThan(50), "the walk ends");
                page = await walk.Send(new SentListImports(AccountId) { StartCursor = page.NextCursor });
            }

            Assert.That(seen, Is.EqualTo(expected));
            Assert.That(pages, Is.EqualTo(Math.Max(1, (expected.Length + perPage - 1) / perPage)), "no empty last page after a full one");
        }, iter: 300);
    }

    /// <summary>Listings whose bounds fall among the generated rows' timestamps, so they cut the rows, with ties.</summary>
    private static readonly Gen<ImportListing> SmallListing =
        Gen.Select(
            Gen.Int[1, (1 << 10) - 1].Select(ImportStatusSet.FromMask).Nullable(0.5),
            SmallBound(true), SmallBound(false), SmallBound(true), SmallBound(false),
            Gen.Enum<ImportSortKey>(), Gen.Enum<SortDirection>(),
            (statuses, createdLower, createdUpper, updatedLower, updatedUpper, key, direction) => new ImportListing(
                new ImportFilter(statuses, new TimeRange(createdLower, createdUpper), new TimeRange(updatedLower, updatedUpper)),
                new ImportSort(key, direction)));

    private static Gen<TimestampBound?> SmallBound(bool lower) =>
        Gen.Select(Gen.Bool, Gen.Int[0, 9], (inclusive, seconds) => new TimestampBound(
                lower ? (inclusive ? BoundOperator.GreaterThanOrEqual : BoundOperator.GreaterThan)
                      : (inclusive ? BoundOperator.LessThanOrEqual : BoundOperator.LessThan),
                Seconds(seconds)))
            .Nullable(0.7);

    private static void AssertSamePage(ListImportsResult actual, ListImportsResult expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actual.Records, Is.EqualTo(expected.Records));
            Assert.That(actual.StartCursor, Is.EqualTo(expected.StartCursor));
            Assert.That(actual.NextCursor, Is.EqualTo(expected.NextCursor));
            Assert.That(actual.PerPage, Is.EqualTo(expected.PerPage));
            Assert.That(actual.Listing, Is.EqualTo(expected.Listing));
        }
    }

    /// <summary><paramref name="count"/> imports with ids 1..count, alternately failed and complete, created a second apart.</summary>
    private void Seed(int count) =>
        Pipeline.Imports.Add(AccountId, Enumerable.Range(1, count).Select(id => Import(id, id % 2 == 0 ? ImportStatus.Failed : ImportStatus.Complete, id, id)));

    private static Import Import(long id, ImportStatus status, int createdSecond, int updatedSecond) =>
        new(id, "vehicles", status, $"file-{id}.csv", 1_024 * id, null, null, Seconds(createdSecond), Seconds(updatedSecond));

    private static UtcTimestamp Seconds(int seconds) => UtcTimestamp.FromUnixMicroseconds(Epoch2024 + seconds * 1_000_000L);
}
