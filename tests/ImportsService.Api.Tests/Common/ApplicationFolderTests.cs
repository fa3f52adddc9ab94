using System.Net;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// The settings are read from beside the dll wherever the service is started, and the log levels that keep query
/// strings and per-failure lines out of the logs hold even with no appsettings.json at all.
/// </summary>
public sealed class ApplicationFolderTests
{
    private string scratch = null!;

    [SetUp]
    public void MakeScratchFolder() => scratch = Directory.CreateTempSubdirectory("imports-folder-").FullName;

    [TearDown]
    public void RemoveScratchFolder() => Directory.Delete(scratch, recursive: true);

    [Test]
    public async Task Started_from_another_folder_the_service_reads_the_settings_beside_its_dll()
    {
        // Development needs the cursor key and pepper of appsettings.Development.json: without them it would not start.
        using var process = ServiceProcess.Start(scratch, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Imports"] = $"Data Source={Path.Combine(scratch, "imports.db")}",
        });
        var output = new List<string>();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            string? address = null;
            while (!output.Any(l => l.Contains("Content root path:", StringComparison.Ordinal))
                   && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.Add(line);
                address ??= line.Split("Now listening on: ", 2) is [_, var rest] ? rest.Split(' ')[0] : null;
            }

            Assert.That(address, Is.Not.Null, $"the service did not start: {string.Join('\n', output)}\n{(process.HasExited ? await stderr : string.Empty)}");
            using var client = new HttpClient { BaseAddress = new Uri(address!) };
            using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), timeout.Token);
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(output, Has.Some.Contains($"Content root path: {AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)}"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task Without_appsettings_json_query_strings_stay_out_of_the_logs_and_auth_failures_are_throttled()
    {
        var logs = new LogCapture();
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["contentRoot"] = scratch, // an empty folder: no appsettings.json, no appsettings.Development.json
            ["Serilog:MinimumLevel:Default"] = "Information",
            ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey,
            ["ApiKeys:Pepper:0"] = ImportsApiFactory.ProductionPepper,
        }, configureServices: services => services.AddSingleton<ILogEventSink>(logs));
        using var tenant = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host);

        using var page = await tenant.GetAsync($"{ApiHost.ImportsPath}?per_page=2&sort[id]=asc&secret-looking-query=1");
        for (var i = 0; i < 5; i++)
        {
            (await guesser.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).Dispose();
        }

        var written = logs.Rendered();
        Assert.That(host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath.TrimEnd(Path.DirectorySeparatorChar), Is.EqualTo(scratch));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(written, Does.Contain("/api/v1/imports"), "the request lines are written");
        Assert.That(written, Does.Not.Contain("secret-looking-query").And.Not.Contain("per_page"), "no query string");
        Assert.That(written.Split("Authentication failed for client").Length - 1, Is.EqualTo(1), written);
        Assert.That(written, Does.Not.Contain("was not authenticated"));
    }
}
