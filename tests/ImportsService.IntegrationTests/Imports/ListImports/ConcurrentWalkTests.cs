using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.IntegrationTests.Support;

namespace ImportsService.IntegrationTests.Imports.ListImports;

/// <summary>
/// Keyset semantics under writes: while a walk runs, another connection keeps inserting rows (some with
/// the very timestamps of existing rows) and deleting rows it inserted. Every row that exists for the
/// whole walk and keeps its sort key appears exactly once.
/// </summary>
internal sealed class ConcurrentWalkTests(string provider) : DatabaseTest(provider)
{
    [TestCase(ImportSortKey.Id, "desc")]
    [TestCase(ImportSortKey.CreatedAt, "desc")]
    [TestCase(ImportSortKey.CreatedAt, "asc")]
    public async Task Rows_that_exist_throughout_appear_exactly_once_while_others_are_inserted_and_deleted(ImportSortKey key, string direction)
    {
        var account = await Database.CreateAccountAsync("acc");
        var stable = await Database.InsertImportsAsync(account, Rows.Sample(600));
        using var stop = new CancellationTokenSource();
        var churn = ChurnAsync(account, stable, stop.Token);

        var query = new SentListImports(account) { PerPage = "20", Sorts = [SentListImports.Sort(key, direction)] };
        IReadOnlyList<ListImportsResult> pages;
        try
        {
            pages = await WalkAsync(query);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var churned = await churn;
        var seen = pages.SelectMany(p => p.Records).Select(r => r.Id).ToArray();
        Assert.That(churned, Is.GreaterThan(0), "the writer never ran during the walk");
        Assert.That(seen, Is.Unique);
        Assert.That(seen.Intersect(stable.Select(r => r.Id)).Count(), Is.EqualTo(stable.Count));
    }

    private async Task<int> ChurnAsync(long account, IReadOnlyList<Import> stable, CancellationToken stop)
    {
        var random = new Random(7);
        var inserted = new List<long>();
        var rounds = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = Enumerable.Range(0, 5).Select(_ =>
            {
                var twin = stable[random.Next(stable.Count)];
                return new NewImport(ImportStatus.Queued, twin.CreatedAt, twin.UpdatedAt);
            }).ToArray();
            inserted.AddRange((await Database.InsertImportsAsync(account, batch)).Select(r => r.Id));
            if (inserted.Count > 10)
            {
                var victims = inserted.Take(5).ToArray();
                inserted.RemoveRange(0, 5);
                await Database.DeleteImportsAsync(victims);
            }

            rounds++;
            await Task.Yield();
        }

        return rounds;
    }
}
