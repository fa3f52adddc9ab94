using System.Net;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace ImportsService.Api.Observability;

/// <summary>
/// A second, minimal web server on the management port (<see cref="MetricsOptions"/>) that answers <c>GET /metrics</c>
/// in Prometheus's text format and 404 to everything else. A server of its own rather than a route on the public one,
/// so the metrics can never be reached through the public port, whatever URLs the public server is given, and the
/// public pipeline (authentication, limits, request logging) never sees a scrape.
/// </summary>
internal sealed partial class MetricsServer(MeterProvider meterProvider, IOptions<MetricsOptions> options, ILogger<MetricsServer> logger) : IHostedService, IAsyncDisposable
{
    public const string Path = "/metrics";

    private WebApplication? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Port is not { } port)
        {
            return;
        }

        var address = string.IsNullOrWhiteSpace(settings.Address) || settings.Address == "*" ? IPAddress.Any
            : IPAddress.TryParse(settings.Address, out var parsed) ? parsed
            : throw new InvalidOperationException($"{MetricsOptions.Section}:Address must be an IP address (or * for every interface), not '{settings.Address}'.");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: Path, configureBranchedPipeline: null, optionsName: null);
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(cancellationToken);
        server = app;
        LogListening(logger, address.ToString(), port, Path);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics for Prometheus on {Address}:{Port}{Path} (the management port, not the public one)")]
    private static partial void LogListening(ILogger logger, string address, int port, string path);
}
