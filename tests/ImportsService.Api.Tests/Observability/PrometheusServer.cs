using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ImportsService.Api.Tests.Observability;

/// <summary>
/// A throw-away Prometheus (Debian's <c>prometheus</c> package) on a free loopback port, scraping one target every
/// second into a temporary folder. <see cref="StartOrIgnore"/> skips the calling test, with the reason, when the
/// binary is not installed.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    public const string MissingReason =
        "prometheus is not installed, so the scrape by a real Prometheus cannot be tested here; install it with: apt-get install prometheus";

    private readonly Process process;
    private readonly string directory;
    private readonly HttpClient client;

    private PrometheusServer(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public static string? FindBinary() => LocalServerProcess.FindBinary("prometheus");

    public static async Task<PrometheusServer> StartOrIgnoreAsync(string target)
    {
        var binary = FindBinary();
        if (binary is null)
        {
            Assert.Ignore(MissingReason);
        }

        var directory = Directory.CreateTempSubdirectory("imports-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $$"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: imports
                metrics_path: /metrics
                static_configs:
                  - targets: ['{{target}}']
            """);
        var port = LoopbackPorts.Closed();
        var process = LocalServerProcess.Start(binary!, directory,
        [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ]);
        var server = new PrometheusServer(process, directory, port);
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>The value of an instant query whose result is one sample; null while it has none.</summary>
    public async Task<double?> QueryAsync(string promQl)
    {
        using var response = await client.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(promQl), UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = body.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>Queries until the value is <paramref name="expected"/> (scrapes come every second) or the wait is over; the last value.</summary>
    public async Task<double?> QueryUntilAsync(string promQl, double expected, TimeSpan wait)
    {
        var clock = Stopwatch.StartNew();
        double? value;
        while ((value = await QueryAsync(promQl)) != expected && clock.Elapsed < wait)
        {
            await Task.Delay(500);
        }

        return value;
    }

    public void Dispose()
    {
        client.Dispose();
        LocalServerProcess.Stop(process, directory);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/-/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < timeout)
            {
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"prometheus was not ready within {timeout}.");
            }

            await Task.Delay(100);
        }
    }
}
