using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Api.Tests.Docs;

/// <summary>
/// <c>/docs</c>, the API reference page (Scalar over /openapi/v1.json): opened in headless Chromium against the
/// real server (Kestrel on a loopback port) with every other host unresolvable, so it renders from the
/// service's own assets or not at all. Without Chromium the browser tests are ignored, saying so.
/// </summary>
public sealed partial class ApiReferencePageTests
{
    [Test]
    public async Task The_reference_page_renders_both_operations_and_the_filter_parameters_with_no_other_host_reachable()
    {
        var executable = HeadlessChromium.Find();
        if (executable is null)
        {
            Assert.Ignore("Chromium is not installed (Debian: apt-get install -y chromium; or set CHROMIUM_PATH), so the reference page was not opened in a browser.");
        }

        await using var host = new ImportsApiFactory(ApiHost.DatabasePath);
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var work = Directory.CreateTempSubdirectory("imports-docs-").FullName;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        string[] expected =
        [
            "List imports", "Get an import", "per_page", "start_cursor", "next_cursor", "filter[status][include]", "filter[created_at][gte]",
            "filter[updated_at][lt]", "sort[id]", "sort[updated_at]", "X-Api-Version",
        ];
        try
        {
            var netLog = Path.Combine(work, "netlog.json");
            string dom;
            var screenshot = Path.Combine(work, "api-reference.png");
            await using (var chromium = await HeadlessChromium.StartAsync(executable, work, netLog, timeout.Token))
            {
                await chromium.NavigateAsync(new Uri($"{address}/docs/"), timeout.Token);
                dom = await chromium.WaitForDomAsync(html => expected.All(html.Contains), TimeSpan.FromSeconds(90), timeout.Token);
                await File.WriteAllBytesAsync(screenshot, await chromium.ScreenshotAsync(timeout.Token), timeout.Token);
            }

            foreach (var text in expected)
            {
                Assert.That(dom, Does.Contain(text), text);
            }

            var requested = UrlPattern().Matches(await File.ReadAllTextAsync(netLog)).Select(m => new Uri(m.Groups[1].Value)).ToArray();
            Assert.That(requested.Select(u => u.AbsolutePath), Is.SupersetOf(new[] { "/docs/", "/docs/scalar.js", "/openapi/v1.json" }));
            Assert.That(
                requested.Where(u => !IPAddress.TryParse(u.Host, out var ip) || !IPAddress.IsLoopback(ip)).Where(u => !HeadlessChromium.OwnHosts.Contains(u.Host)).Select(u => u.ToString()),
                Is.Empty,
                "the page asked another host for something");
            Assert.That(new FileInfo(screenshot).Length, Is.GreaterThan(10_000));
            TestContext.AddTestAttachment(screenshot, "The reference page as Chromium rendered it");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    public async Task The_page_loads_its_script_from_the_service_with_cdn_fonts_and_telemetry_off()
    {
        using var client = ApiHost.Client(null, null);

        var page = await client.GetStringAsync("/docs/");
        using var script = await client.GetAsync("/docs/scalar.js");

        Assert.That(ScriptSources().Matches(page).Select(m => m.Groups[1].Value), Is.EquivalentTo(new[] { "scalar.js", "scalar.aspnetcore.js" }));
        Assert.That(page, Does.Contain("\"withDefaultFonts\":false").And.Contain("\"telemetry\":false").And.Contain("openapi/v1.json"));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("Production", null, false)]
    [TestCase("Production", "true", true)]
    [TestCase("Development", null, true)]
    [TestCase("Development", "false", false)]
    public async Task Docs_are_served_in_development_and_elsewhere_only_when_enabled(string environment, string? enabled, bool served)
    {
        var settings = new Dictionary<string, string> { ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey };
        if (enabled is not null)
        {
            settings["ApiDocs:Enabled"] = enabled;
        }

        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, environment, settings);
        using var client = ApiHost.Client(null, null, host);

        using var page = await client.GetAsync("/docs/");
        using var document = await client.GetAsync("/openapi/v1.json");

        Assert.That(page.StatusCode, Is.EqualTo(served ? HttpStatusCode.OK : HttpStatusCode.NotFound));
        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the document is always served");
    }

    [GeneratedRegex("\"url\":\"(https?://[^\"]+)\"")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
