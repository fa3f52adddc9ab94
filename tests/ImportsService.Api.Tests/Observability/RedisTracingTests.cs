using System.Diagnostics;
using System.Net;
using ImportsService.Api.Tests.Common;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Trace;

namespace ImportsService.Api.Tests.Observability;

/// <summary>
/// With <c>ConnectionStrings:Redis</c>, the shared rate limiter's Redis commands are spans of the request that made
/// them (StackExchange.Redis instrumentation). Skipped, with the reason, where redis-server is not installed.
/// </summary>
[NonParallelizable]
public sealed class RedisTracingTests
{
    [Test]
    public async Task The_limiters_redis_commands_are_spans_in_the_requests_trace()
    {
        using var redis = RedisServer.StartOrIgnore();
        var spans = new LockedCollection<Activity>();
        var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string> { ["ConnectionStrings:Redis"] = redis.ConnectionString, ["Tracing:Enabled"] = "true" },
            configureServices: services =>
            {
                // The instrumentation collects finished commands on a timer (10 s by default): sooner here.
                services.Configure<StackExchangeRedisInstrumentationOptions>(options => options.FlushInterval = TimeSpan.FromMilliseconds(100));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            });
        try
        {
            using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
            using var response = await client.GetAsync(new Uri(ApiHost.ImportsPath + "?per_page=2", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            var tracer = host.Services.GetRequiredService<TracerProvider>();
            var clock = Stopwatch.StartNew();
            while (!RedisSpans().Any() && clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100);
                tracer.ForceFlush();
            }

            var server = Snapshot().Single(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.route") == "api/v1/imports");
            Assert.That(RedisSpans().Select(s => s.TraceId), Is.Not.Empty.And.All.EqualTo(server.TraceId));
        }
        finally
        {
            host.Dispose();
        }

        List<Activity> Snapshot() => [.. spans];

        IEnumerable<Activity> RedisSpans() => Snapshot().Where(s => s.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal));
    }
}
