using System.Net;
using ImportsService.Api.Observability;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ImportsService.Api.Tests.Observability;

/// <summary>
/// With <c>Metrics:Port</c>, /metrics is served in Prometheus's format on that management port only, counts the
/// service's own events with bounded labels, and carries no credential; without it, nothing serves metrics.
/// </summary>
[NonParallelizable]
public sealed class MetricsEndpointTests
{
    private ImportsApiFactory host = null!;
    private int port;
    private HttpClient management = null!;

    [OneTimeSetUp]
    public void Start()
    {
        port = LoopbackPorts.Closed();
        host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["Metrics:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Metrics:Address"] = "127.0.0.1",
        });
        _ = host.Server;
        management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        management.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task The_management_port_serves_metrics_that_count_the_requests_made()
    {
        var before = await ScrapeAsync();
        using (var stranger = ApiHost.Client("not-a-key", DemoTenants.DemoAccountToken, host))
        {
            for (var i = 0; i < 2; i++)
            {
                using var refused = await stranger.GetAsync(new Uri(ApiHost.ImportsPath, UriKind.Relative));
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }
        }

        using (var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host))
        {
            using var ok = await demo.GetAsync(new Uri(ApiHost.ImportsPath + "?per_page=2", UriKind.Relative));
            using var badCursor = await demo.GetAsync(new Uri(ApiHost.ImportsPath + "?start_cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(badCursor.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        }

        var after = await ScrapeAsync();

        Assert.That(Delta("imports_authentication_failures_total", "reason=\"unknown_key\""), Is.EqualTo(2));
        Assert.That(Delta("imports_cursors_rejected_total", "reason=\"signature\""), Is.EqualTo(1));
        Assert.That(Delta("http_server_request_duration_seconds_count", "http_route=\"api/v1/imports\"", "http_response_status_code=\"401\""), Is.EqualTo(2));
        Assert.That(Delta("imports_db_duration_seconds_count", "db_system_name=\"sqlite\"", "operation=\"SqliteImportPageReader\""), Is.EqualTo(1));
        Assert.That(after, Does.Contain("process_runtime_dotnet_").Or.Contain("dotnet_"), "runtime metrics");
        Assert.That(after, Does.Not.Contain(DemoTenants.DemoAccountToken).And.Not.Contain(DemoTenants.DemoApiKey).And.Not.Contain("not-a-key"));

        double Delta(string metric, params string[] labels) => PrometheusText.Sum(after, metric, labels) - PrometheusText.Sum(before, metric, labels);
    }

    [Test]
    public async Task The_public_port_does_not_serve_metrics()
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri(MetricsServer.Path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_management_port_answers_nothing_but_metrics()
    {
        using var api = await management.GetAsync(new Uri(ApiHost.ImportsPath, UriKind.Relative));
        using var health = await management.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void Without_a_port_no_metrics_server_runs()
    {
        var hosted = ApiHost.Factory.Services.GetServices<IHostedService>();

        Assert.That(hosted.OfType<MetricsServer>(), Is.Empty);
        Assert.That(host.Services.GetServices<IHostedService>().OfType<MetricsServer>(), Has.Exactly(1).Items);
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await management.GetAsync(new Uri(MetricsServer.Path, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }
}
