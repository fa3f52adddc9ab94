using System.Net.Http.Headers;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests;

/// <summary>Builds the service once for the whole run, on a temporary SQLite file with the demo data.</summary>
[SetUpFixture]
public sealed class ApiHost
{
    public const string ImportsPath = "/api/v1/imports";

    private static ImportsApiFactory? factory;
    private static string? databasePath;

    internal static ImportsApiFactory Factory => factory ?? throw new InvalidOperationException("The host is not running.");

    internal static string DatabasePath => databasePath ?? throw new InvalidOperationException("The host is not running.");

    [OneTimeSetUp]
    public void Start()
    {
        databasePath = Path.Combine(Path.GetTempPath(), $"imports-api-tests-{Guid.NewGuid():N}.db");
        factory = new ImportsApiFactory(databasePath);
        _ = factory.Server;
    }

    [OneTimeTearDown]
    public void Stop()
    {
        factory?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    /// <summary>A client with the demo tenant's key and account: it may read the demo account's 1,000 imports.</summary>
    internal static HttpClient DemoClient() => Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken);

    internal static HttpClient OtherClient() => Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken);

    internal static HttpClient Client(string? apiKey, string? accountToken, ImportsApiFactory? host = null)
    {
        var client = (host ?? Factory).CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", apiKey);
        }

        if (accountToken is not null)
        {
            client.DefaultRequestHeaders.Add("Account-Token", accountToken);
        }

        return client;
    }
}
