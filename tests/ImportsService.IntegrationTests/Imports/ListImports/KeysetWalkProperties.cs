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

    // An account whose ids mostly follow creation time, with rows inserted out of order (back-filled) among them.
    private static readonly Gen<NewImport[]> MostlyInCreationOrder =
        Gen.Select(Import.Array[0, 100], Gen.Select(Import, Gen.Int[0, 100]).Array[0, 12], (ordered, outliers) =>
        {
            var rows = ordered.OrderBy(row => row.CreatedAt).ToList();
            foreach (var (row, at) in outliers)
            {
                rows.Insert(Math.Min(at, rows.Count), row);
            }

            return rows.ToArray();
        });

    // After the inserts: a creation time corrected (earlier or later) or an import deleted, each on any row.
    private static readonly Gen<ImportEdit> Edit = ImportEdit.Any(Instant);

    private static readonly Gen<(NewImport[] Rows, NewImport[] Later, ImportEdit[] Edits, ImportListing Listing, int PerPage)> EditedCase =
        Gen.Select(Gen.OneOf(MostlyInCreationOrder, Import.Array[0, 120]), MostlyInCreationOrder, Edit.Array[0, 25], Listing, Gen.Int[2, 25]);

    [Test]
    public async Task Walking_all_pages_returns_exactly_the_oracle_rows_in_order()
    {
        await Case.SampleAsync(
            async sample =>
            {
                await Database.ResetAsync();
                var account = await Database.CreateAccountAsync("acc");
                var inserted = await Database.InsertImportsAsync(account, sample.Rows);
                await AssertWalkIsTheOracleAsync(account, inserted, sample.Listing, sample.PerPage);
            },
            iter: 60,
            threads: 1);
    }

    /// <summary>
    /// The same walk on accounts whose ids do not follow creation time: back-filled rows, equal creation times, creation
    /// times corrected after the insert (earlier and later), deletes, and rows inserted after all of that. Id-sorted seeks
    /// bound themselves by the creation-order marks the database keeps (ADR 0010); a wrong mark would drop rows here.
    /// </summary>
    [Test]
    public async Task Walking_all_pages_returns_exactly_the_oracle_rows_after_back_fills_corrections_and_deletes()
    {
        await EditedCase.SampleAsync(
            async sample =>
            {
                await Database.ResetAsync();
                var account = await Database.CreateAccountAsync("acc");
                var other = await Database.CreateAccountAsync("other");
                var rows = (await Database.InsertImportsAsync(account, sample.Rows)).ToList();
                await Database.InsertImportsAsync(other, sample.Later);
                await Database.ApplyEditsAsync(rows, sample.Edits);

                rows.AddRange(await Database.InsertImportsAsync(account, sample.Later));
                await AssertWalkIsTheOracleAsync(account, rows, sample.Listing, sample.PerPage);
            },
            iter: 60,
            threads: 1);
    }

    private async Task AssertWalkIsTheOracleAsync(long account, IReadOnlyList<Import> rows, ImportListing listing, int perPage)
    {
        var expected = ListingOracle.Apply(rows, listing);

        var pages = await WalkAsync(ListingParameters.ToQuery(account, listing, perPage));

        var walked = pages.SelectMany(p => p.Records).ToArray();
        Assert.That(walked, Is.EqualTo(expected));
        Assert.That(pages.Take(pages.Count - 1).Select(p => p.Records.Count), Has.All.EqualTo(perPage));
        Assert.That(pages.Select(p => p.Listing), Has.All.EqualTo(listing));

        var offset = 0;
        foreach (var page in pages)
        {
            Assert.That(page.EstimatedRemainingCount, Is.EqualTo(Math.Min(500, expected.Count - offset)));
            var again = await ListAsync(new SentListImports(account) { StartCursor = page.StartCursor });
            Assert.That(again.Records, Is.EqualTo(page.Records));
            offset += page.Records.Count;
        }
    }
}
