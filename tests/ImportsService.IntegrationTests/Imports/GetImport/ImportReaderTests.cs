using ImportsService.Application.Imports.GetImport;
using ImportsService.Domain.Imports;
using ImportsService.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Imports.GetImport;

/// <summary>The GetImport port against a real database of each provider.</summary>
internal sealed class ImportReaderTests(string provider) : DatabaseTest(provider)
{
    [Test]
    public async Task Finds_each_import_of_the_account_with_every_column_exactly_as_stored()
    {
        var account = await Database.CreateAccountAsync("acc");
        var rows = await Database.InsertImportsAsync(account, Rows.Sample(12));

        var found = new List<Import?>();
        foreach (var row in rows)
        {
            found.Add(await FindAsync(account, row.Id));
        }

        // The sample holds every status, notes and completion times both null and set, and microsecond digits.
        Assert.That(found, Is.EqualTo(rows));
    }

    [Test]
    public async Task An_import_of_another_account_is_null_like_one_that_does_not_exist()
    {
        var account = await Database.CreateAccountAsync("acc");
        var other = await Database.CreateAccountAsync("other");
        await Database.InsertImportsAsync(account, Rows.Sample(3));
        var theirs = (await Database.InsertImportsAsync(other, Rows.Sample(1))).Single();

        Assert.That(await FindAsync(account, theirs.Id), Is.Null);
        Assert.That(await FindAsync(other, theirs.Id), Is.EqualTo(theirs), "the id itself exists");
    }

    [Test]
    public async Task A_missing_id_is_null()
    {
        var account = await Database.CreateAccountAsync("acc");
        var rows = await Database.InsertImportsAsync(account, Rows.Sample(3));
        await Database.DeleteImportsAsync([rows[1].Id]);

        Assert.That(await FindAsync(account, rows[1].Id), Is.Null, "a deleted id");
        Assert.That(await FindAsync(account, rows.Max(r => r.Id) + 1_000), Is.Null, "an id never given");
        Assert.That(await FindAsync(account, 0), Is.Null);
        Assert.That(await FindAsync(account, -1), Is.Null);
    }

    [Test]
    public async Task A_cancelled_request_is_cancelled()
    {
        var account = await Database.CreateAccountAsync("acc");
        var row = (await Database.InsertImportsAsync(account, Rows.Sample(1))).Single();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await FindAsync(account, row.Id, cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    private async Task<Import?> FindAsync(long accountId, long importId, CancellationToken cancellationToken = default)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IImportReader>().FindAsync(accountId, importId, cancellationToken);
    }
}
