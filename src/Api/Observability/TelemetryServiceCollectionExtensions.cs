using System.Reflection;
using ImportsService.Api.Limits;
using ImportsService.Application.Common.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ImportsService.Api.Observability;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core, the runtime, SqlClient, the service's own <see cref="ServiceTelemetry.Name"/>
/// meter) and traces (ASP.NET Core, SqlClient, StackExchange.Redis, the SQLite spans). Metrics are served for
/// Prometheus on the management port when <c>Metrics:Port</c> is set (<see cref="MetricsServer"/>); both signals go
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, grpc by default,
/// as the SDK reads them). The resource names the service and its version. docs/operations.md lists every name.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string ServiceName = "ImportsService";

    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Records spans without OTLP (for an exporter added in code); on by default only when OTLP is configured.</summary>
    public const string TracingEnabledKey = "Tracing:Enabled";

    /// <summary>The informational version (release and commit), as <c>--version</c> prints it.</summary>
    public static string ServiceVersion { get; } =
        typeof(TelemetryServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static IServiceCollection AddApiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var prometheus = MetricsOptions.From(configuration).Port is not null;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        // Spans nobody exports are pure cost on every request, so without an exporter none are recorded.
        var recordSpans = configuration.GetValue(TracingEnabledKey, defaultValue: otlp);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: ServiceVersion))
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddSqlClientInstrumentation()
                    .AddMeter(ServiceTelemetry.Name);
                if (prometheus)
                {
                    // No cached scrape: each scrape sees the counts of that moment (the port is the scrapers' alone).
                    metrics.AddPrometheusExporter(prometheusOptions => prometheusOptions.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (recordSpans)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing
                    .AddAspNetCoreInstrumentation()
                    .AddSqlClientInstrumentation()
                    .AddSource(ServiceTelemetry.Name)
                    .AddRedisInstrumentation()
                    .ConfigureRedisInstrumentation((provider, redis) =>
                    {
                        // The limiter's connection, when ConnectionStrings:Redis made one.
                        if (provider.GetRequiredService<ITokenBuckets>() is RedisTokenBuckets buckets)
                        {
                            redis.AddConnection(buckets.Connection);
                        }
                    });
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section));
        if (prometheus)
        {
            services.AddHostedService<MetricsServer>();
        }

        return services;
    }
}
