using System.Net;
using ImportsService.Infrastructure.Seeding;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Api.Tests.Common;

/// <summary>A request that looks its caller up and then reads a page does both on one database connection.</summary>
public sealed class ConnectionPerRequestTests
{
    private TemporaryDatabase database = null!;

    [SetUp]
    public void NewDatabase() => database = new TemporaryDatabase("connection-tests");

    [TearDown]
    public void DeleteDatabase() => database.Dispose();

    [TestCase("?per_page=5")]
    [TestCase("?per_page=5&filter[status][include]=failed,complete&sort[created_at]=asc")]
    public async Task The_caller_look_up_and_the_page_share_one_connection(string query)
    {
        // The caller cache off, so the request really reads twice.
        await using var host = new ImportsApiFactory(database.Path, settings: new Dictionary<string, string> { ["Access:CallerCache:Seconds"] = "0" });
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        var connections = host.Services.GetRequiredService<SqliteConnectionFactory>();
        using (var warm = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2"))
        {
            Assert.That(warm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var before = connections.OpenedConnections;
        using var response = await client.GetAsync(ApiHost.ImportsPath + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(connections.OpenedConnections - before, Is.EqualTo(1));
    }

    [Test]
    public async Task A_request_that_reads_nothing_opens_nothing()
    {
        await using var host = new ImportsApiFactory(database.Path);
        using var client = host.CreateClient();
        var connections = host.Services.GetRequiredService<SqliteConnectionFactory>();
        var before = connections.OpenedConnections;

        using var response = await client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(connections.OpenedConnections, Is.EqualTo(before));
    }
}
