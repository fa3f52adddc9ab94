using System.Globalization;
using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Observability;

/// <summary>
/// The built service as a process of its own, with a management port, scraped by a real Prometheus: the requests this
/// test makes are counted, as Prometheus's own query API reports them. Skipped, with the reason, where the
/// prometheus binary is not installed.
/// </summary>
[NonParallelizable]
public sealed class PrometheusScrapeTests
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Prometheus_scraping_the_management_port_counts_the_requests_made()
    {
        if (PrometheusServer.FindBinary() is null)
        {
            Assert.Ignore(PrometheusServer.MissingReason);
        }

        var scratch = Directory.CreateTempSubdirectory("imports-metrics-").FullName;
        var (publicPort, metricsPort) = (LoopbackPorts.Closed(), LoopbackPorts.Closed());
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{publicPort}",
            ["ConnectionStrings__Imports"] = $"Data Source={Path.Combine(scratch, "imports.db")}",
            ["Metrics__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture),
            ["Metrics__Address"] = "127.0.0.1",
        };
        using var service = ServiceProcess.Start(scratch, environment);
        service.OutputDataReceived += (_, _) => { };
        service.ErrorDataReceived += (_, _) => { };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}") };
            await WaitUntilLiveAsync(api, service);
            using var prometheus = await PrometheusServer.StartOrIgnoreAsync($"127.0.0.1:{metricsPort}");

            for (var i = 0; i < 3; i++)
            {
                using var ok = await SendAsync(api, DemoTenants.DemoApiKey);
                Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            for (var i = 0; i < 2; i++)
            {
                using var refused = await SendAsync(api, "not-a-key");
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }

            Assert.That(
                await prometheus.QueryUntilAsync("""sum(http_server_request_duration_seconds_count{job="imports",http_route="api/v1/imports",http_response_status_code="200"})""", 3, ScrapeWait),
                Is.EqualTo(3));
            Assert.That(
                await prometheus.QueryUntilAsync("""sum(imports_authentication_failures_total{job="imports",reason="unknown_key"})""", 2, ScrapeWait),
                Is.EqualTo(2));
            Assert.That(
                await prometheus.QueryUntilAsync("""sum(imports_db_duration_seconds_count{job="imports",db_system_name="sqlite",operation="SqliteImportPageReader"})""", 3, ScrapeWait),
                Is.EqualTo(3));
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ApiHost.ImportsPath + "?per_page=2");
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + key);
        request.Headers.Add("Account-Token", DemoTenants.DemoAccountToken);
        return SendAndDisposeRequestAsync(api, request);
    }

    private static async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpClient api, HttpRequestMessage request)
    {
        using (request)
        {
            return await api.SendAsync(request);
        }
    }

    private static async Task WaitUntilLiveAsync(HttpClient api, System.Diagnostics.Process service)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.That(service.HasExited, Is.False, "the service exited before it answered");
            try
            {
                using var live = await api.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < ScrapeWait)
            {
            }

            Assert.That(clock.Elapsed, Is.LessThan(ScrapeWait), "the service did not answer /health/live");
            await Task.Delay(200);
        }
    }
}
