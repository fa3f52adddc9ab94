using System.Diagnostics;
using System.Net;
using ImportsService.Api.Observability;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Serilog.Core;

namespace ImportsService.Api.Tests.Observability;

/// <summary>
/// Traces through the SDK's in-memory exporter: a request is a server span with its route, each SQLite read a
/// child span of it, the resource names the service and its version, and the request's log events carry the
/// server span's trace and span ids.
/// </summary>
[NonParallelizable]
public sealed class TracingTests
{
    private readonly LockedCollection<Activity> spans = new();
    private readonly LogCapture logs = new();
    private ImportsApiFactory host = null!;

    [OneTimeSetUp]
    public void Start()
    {
        host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information", ["Tracing:Enabled"] = "true" },
            configureServices: services =>
            {
                services.AddSingleton<ILogEventSink>(logs);
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            });
        _ = host.Server;
    }

    [OneTimeTearDown]
    public void Stop() => host.Dispose();

    [Test]
    public async Task A_page_is_a_server_span_with_a_child_span_for_each_sqlite_read_and_the_request_log_carries_its_ids()
    {
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var response = await client.GetAsync(new Uri(ApiHost.ImportsPath + "?per_page=2", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // The server span and the request's log line are finished just after the response has gone out.
        await Eventually(() => spans.Any(IsPageSpan) && logs.Events().Any(IsPageLog));

        var server = spans.Single(IsPageSpan);
        var reads = spans.Where(s => s.TraceId == server.TraceId && s.Source.Name == Application.Common.Telemetry.ServiceTelemetry.Name).ToList();
        Assert.That(reads.Select(s => s.DisplayName), Is.SupersetOf(new[] { "sqlite SqliteCallerAccessReader", "sqlite SqliteImportPageReader" }));
        Assert.That(reads, Has.All.Matches<Activity>(s => s.ParentSpanId == server.SpanId && s.Kind == ActivityKind.Client));
        Assert.That(reads.Select(s => s.GetTagItem("db.system.name")), Has.All.EqualTo("sqlite"));
        Assert.That(reads.Select(s => s.GetTagItem("outcome")), Has.All.EqualTo("ok"));

        var requestLog = logs.Events().Single(IsPageLog);
        Assert.That(requestLog.TraceId, Is.EqualTo(server.TraceId));
        Assert.That(requestLog.SpanId, Is.EqualTo(server.SpanId));
        using var json = new StringWriter();
        new Serilog.Formatting.Compact.CompactJsonFormatter().Format(requestLog, json);
        Assert.That(json.ToString(), Does.Contain($"\"@tr\":\"{server.TraceId}\"").And.Contain($"\"@sp\":\"{server.SpanId}\""), "the production console format writes them");
    }

    [Test]
    public void The_resource_names_the_service_and_its_version()
    {
        var resource = host.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);

        Assert.That(resource["service.name"], Is.EqualTo("ImportsService"));
        Assert.That(resource["service.version"], Is.EqualTo(TelemetryServiceCollectionExtensions.ServiceVersion).And.Not.EqualTo("unknown"));
    }

    [Test]
    public void Without_an_exporter_no_span_is_recorded()
    {
        Assert.That(ApiHost.Factory.Services.GetService<TracerProvider>(), Is.Null);
    }

    private static bool IsPageSpan(Activity span) => span.Kind == ActivityKind.Server && (string?)span.GetTagItem("http.route") == "api/v1/imports";

    private static bool IsPageLog(Serilog.Events.LogEvent logEvent) =>
        logEvent.MessageTemplate.Text.StartsWith("HTTP", StringComparison.Ordinal) && logEvent.RenderMessage(null).Contains("/api/v1/imports", StringComparison.Ordinal);

    private async Task Eventually(Func<bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            await Task.Delay(50);
        }
    }
}
