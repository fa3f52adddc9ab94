using CsCheck;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.IntegrationTests.Support;

namespace ImportsService.IntegrationTests.Imports.ListImports;

/// <summary>
/// Pagination invariants over random data sets (with many timestamp ties) and random filters, sorts and
/// page sizes, against the real database: walking every page equals an in-memory oracle, with no
/// duplicates and no gaps; estimated_remaining_count is exact below the cap; every start_cursor
/// returns its page again.
/// </summary>
internal sealed class KeysetWalkProperties(string provider) : DatabaseTest(provider)
{
    // Few distinct instants, so ties on created_at and updated_at are common.
    private static readonly Gen<UtcTimestamp> Instant =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 2], (minute, micro) => Rows.At(minute * 60, micro));

    // The schema requires created_at <= updated_at: the earlier of two instants is the creation.
    private static readonly Gen<NewImport> Import =
        Gen.Select(Gen.Int[0, 9], Instant, Instant, (status, a, b) => new NewImport((ImportStatus)status, a < b ? a : b, a < b ? b : a));

    private static readonly Gen<TimeRange> Range =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Instant, Instant, (lower, upper, a, b) => new TimeRange(
            lower switch { 1 => new TimestampBound(BoundOperator.GreaterThan, a), 2 => new TimestampBound(BoundOperator.GreaterThanOrEqual, a), _ => null },
            upper switch { 1 => new TimestampBound(BoundOperator.LessThan, b), 2 => new TimestampBound(BoundOperator.LessThanOrEqual, b), _ => null }));

    private static readonly Gen<ImportListing> Listing =
        Gen.Select(Gen.Int[0, 1023], Range, Range, Gen.Int[0, 2], Gen.Bool, (mask, created, updated, key, ascending) => new ImportListing(
            new ImportFilter(mask == 0 ? null : ImportStatusSet.FromMask(mask), created, updated),
            new ImportSort((ImportSortKey)key, ascending ? SortDirection.Ascending : SortDirection.Descending)));

    private static readonly Gen<(NewImport[] Rows, ImportListing Listing, int PerPage)> Case =
        Gen.Select(Import.Array[0, 120], Listing, Gen.Int[2, 25]);

    [Test]
    public async Task Walking_all_pages_returns_exactly_the_oracle_rows_in_order()
    {
        await Case.SampleAsync(
            async sample =>
            {
                await Database.ResetAsync();
                var account = await Database.CreateAccountAsync("acc");
                var inserted = await Database.InsertImportsAsync(account, sample.Rows);
                var expected = ListingOracle.Apply(inserted, sample.Listing);

                var pages = await WalkAsync(ListingParameters.ToQuery(account, sample.Listing, sample.PerPage));

                var walked = pages.SelectMany(p => p.Records).ToArray();
                Assert.That(walked, Is.EqualTo(expected));
                Assert.That(pages.Take(pages.Count - 1).Select(p => p.Records.Count), Has.All.EqualTo(sample.PerPage));
                Assert.That(pages.Select(p => p.Listing), Has.All.EqualTo(sample.Listing));

                var offset = 0;
                foreach (var page in pages)
                {
                    Assert.That(page.EstimatedRemainingCount, Is.EqualTo(Math.Min(500, expected.Count - offset)));
                    var again = await ListAsync(new SentListImports(account) { StartCursor = page.StartCursor });
                    Assert.That(again.Records, Is.EqualTo(page.Records));
                    offset += page.Records.Count;
                }
            },
            iter: 60,
            threads: 1);
    }
}
