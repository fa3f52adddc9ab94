using System.Net;
using System.Text;
using ImportsService.Api.Observability;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ImportsService.Api.Tests.Observability;

/// <summary>
/// With the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>, the
/// service exports its spans (and metrics) to a real OTLP/HTTP receiver on loopback, under the service's name and version.
/// </summary>
[NonParallelizable]
public sealed class OtlpExportTests
{
    [Test]
    public async Task Spans_are_exported_over_otlp_http_with_the_service_name_and_version()
    {
        using var receiver = new OtlpReceiver();
        var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            [TelemetryServiceCollectionExtensions.OtlpEndpointKey] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        try
        {
            using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
            using var response = await client.GetAsync(new Uri(ApiHost.ImportsPath + "?per_page=2", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            // Export now rather than on the batch schedule; each returns once the receiver has answered. The server span
            // ends only after the response has gone out, so it may miss the first flush: flush until it has arrived.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                Assert.That(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), Is.True);
                if (TracesSent(receiver).Contains("api/v1/imports", StringComparison.Ordinal) || clock.Elapsed > TimeSpan.FromSeconds(10))
                {
                    break;
                }

                await Task.Delay(100);
            }

            Assert.That(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), Is.True);
        }
        finally
        {
            host.Dispose();
        }

        var traces = receiver.Received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.That(traces, Is.Not.Empty, "no POST /v1/traces arrived");
        Assert.That(traces.Select(t => t.ContentType), Has.All.EqualTo("application/x-protobuf"));
        var sent = TracesSent(receiver);
        // Protobuf writes strings as UTF-8 bytes: the span names and the resource attributes can be found as text.
        Assert.That(sent, Does.Contain("sqlite SqliteImportPageReader").And.Contain("api/v1/imports"));
        Assert.That(sent, Does.Contain("service.name").And.Contain("ImportsService").And.Contain("service.version").And.Contain(TelemetryServiceCollectionExtensions.ServiceVersion));
        Assert.That(sent, Does.Not.Contain(DemoTenants.DemoApiKey).And.Not.Contain(DemoTenants.DemoAccountToken));
        Assert.That(receiver.Received.Select(r => r.Path), Does.Contain("/v1/metrics"), "metrics go the same way");
    }

    /// <summary>Every trace export received so far, as text (protobuf writes strings as UTF-8 bytes).</summary>
    private static string TracesSent(OtlpReceiver receiver) =>
        string.Join('\n', receiver.Received.Where(r => r.Path == "/v1/traces").Select(t => Encoding.UTF8.GetString(t.Body)));
}
