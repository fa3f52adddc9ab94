namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// A fixture whose tests share one migrated SQLite file of their own (<see cref="Database"/>), created before the first
/// test and deleted after the last. NUnit runs this one-time set-up before a derived fixture's own.
/// </summary>
internal abstract class SqliteDatabaseTest
{
    protected SqliteTestDatabase Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartDatabase()
    {
        Database = new SqliteTestDatabase();
        await Database.InitializeAsync();
    }

    [OneTimeTearDown]
    public async Task StopDatabase() => await Database.DisposeAsync();
}
