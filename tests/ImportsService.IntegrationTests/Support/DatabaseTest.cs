using ImportsService.Application.Imports.ListImports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// Base of the provider-agnostic database suite: one database per fixture and provider, emptied by
/// Respawn before every test. Queries go through the real mediator pipeline (validation included).
/// </summary>
[TestFixtureSource(typeof(TestDatabases), nameof(TestDatabases.Providers))]
internal abstract class DatabaseTest(string provider)
{
    private TestDatabase? database;

    protected TestDatabase Database => database ?? throw new InvalidOperationException("The database has not started.");

    [OneTimeSetUp]
    public async Task StartDatabase() => database = await TestDatabases.StartAsync(provider);

    [SetUp]
    public Task ResetDatabase() => Database.ResetAsync();

    [OneTimeTearDown]
    public async Task StopDatabase()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Parses and sends <paramref name="query"/> as the API does.</summary>
    protected Task<ListImportsResult> ListAsync(SentListImports query, CancellationToken cancellationToken = default) =>
        query.SendAsync(Database.Services, cancellationToken);

    /// <summary>Follows next_cursor from <paramref name="first"/> to the last page and returns every page.</summary>
    protected async Task<IReadOnlyList<ListImportsResult>> WalkAsync(SentListImports first, int maxPages = 10_000)
    {
        var pages = new List<ListImportsResult> { await ListAsync(first) };
        while (pages[^1].NextCursor is { } next)
        {
            if (pages.Count >= maxPages)
            {
                Assert.Fail($"The walk did not end within {maxPages} pages.");
            }

            pages.Add(await ListAsync(new SentListImports(first.AccountId) { StartCursor = next }));
        }

        return pages;
    }
}
