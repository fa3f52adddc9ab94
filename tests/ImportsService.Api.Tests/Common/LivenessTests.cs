using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// Liveness says only that the process answers: it runs no check and never authenticates, so a database
/// that is down cannot turn it into a 503, whatever headers the probe sends.
/// </summary>
public sealed class LivenessTests
{
    private ImportsApiFactory host = null!;

    [OneTimeSetUp]
    public void StartWithAnUnreachableDatabase()
    {
        host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Imports"] = $"Server=127.0.0.1,{LoopbackPorts.Closed()};Database=imports;User ID=sa;Password=x;Encrypt=False",
            ["Database:SqlServer:ConnectTimeoutSeconds"] = "1",
        });
        _ = host.Server;
    }

    [OneTimeTearDown]
    public void Stop() => host.Dispose();

    [Test]
    public async Task Liveness_with_credentials_stays_200_while_the_database_is_down()
    {
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Liveness_with_a_malformed_authorization_header_stays_200()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Garbage \"unterminated");

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
