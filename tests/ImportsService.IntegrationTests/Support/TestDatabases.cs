namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// The providers the database suite runs on. SQLite always runs; a provider whose server is not reachable
/// here is ignored with the reason, so it is counted as skipped, never silently absent.
/// </summary>
internal static class TestDatabases
{
    public static IEnumerable<TestFixtureData> Providers()
    {
        yield return new TestFixtureData("Sqlite").SetArgDisplayNames("Sqlite");
        yield return new TestFixtureData("SqlServer").SetArgDisplayNames("SqlServer");
    }

    public static async Task<TestDatabase> StartAsync(string provider)
    {
        TestDatabase database = provider switch
        {
            "Sqlite" => new SqliteTestDatabase(),
            "SqlServer" => new SqlServerTestDatabase(await SqlServerInstance.ConnectionStringAsync() ?? Ignore(SqlServerInstance.SkipReason)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown test database provider."),
        };

        await database.InitializeAsync();
        return database;
    }

    /// <summary>Ignores the calling fixture (from its OneTimeSetUp, so every test shows as skipped with the reason).</summary>
    private static string Ignore(string reason)
    {
        Assert.Ignore(reason);
        return reason;
    }
}
