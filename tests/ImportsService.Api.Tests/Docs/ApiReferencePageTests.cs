using System.Net;
using System.Text.RegularExpressions;
using ImportsService.Api.Tests.Common;
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
    public async Task The_reference_page_renders_both_operations_and_the_filter_parameters_with_no_other_host_reachable_and_no_csp_violation()
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
            string[] violations;
            string[] console;
            var screenshot = Path.Combine(work, "api-reference.png");
            await using (var chromium = await HeadlessChromium.StartAsync(executable, work, netLog, timeout.Token))
            {
                await chromium.NavigateAsync(new Uri($"{address}/docs/"), timeout.Token);
                dom = await chromium.WaitForDomAsync(html => expected.All(html.Contains), TimeSpan.FromSeconds(90), timeout.Token);
                await File.WriteAllBytesAsync(screenshot, await chromium.ScreenshotAsync(timeout.Token), timeout.Token);
                violations = await chromium.CspViolationsAsync(timeout.Token);
                console = [.. chromium.ConsoleMessages];
            }

            Assert.That(violations, Is.Empty, "the page's own Content-Security-Policy blocked something it needs");
            Assert.That(console.Where(m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal)), Is.Empty,
                string.Join('\n', console));
            Assert.That(dom, Does.Not.Contain("client.scalar.com").And.Not.Contain("Open API Client"), "no link out to Scalar's hosted client");

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

    [Test]
    public async Task The_page_may_not_be_framed_sends_no_referrer_and_runs_only_its_own_and_nonced_scripts()
    {
        using var client = ApiHost.Client(null, null);

        using var page = await client.GetAsync("/docs/");
        using var script = await client.GetAsync("/docs/scalar.js");
        var html = await page.Content.ReadAsStringAsync();

        var policy = page.Header("Content-Security-Policy");
        var nonce = NonceSource().Match(policy ?? string.Empty).Groups[1].Value;
        var unnonced = UnnoncedInlineScripts().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.That(policy, Does.Contain("frame-ancestors 'none'").And.Contain("default-src 'none'").And.Contain("script-src 'self' ").And.Contain($"'nonce-{nonce}'"));
        Assert.That(unnonced, Has.Length.EqualTo(1), "one inline script without a nonce: the one the policy names by its hash");
        Assert.That(policy, Does.Contain($"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(unnonced[0])))}'"));
        Assert.That(policy, Does.Not.Contain("http").And.Not.Contain("unsafe-eval").And.Not.Contain("*"), "no outside origin");
        Assert.That(nonce, Has.Length.GreaterThanOrEqualTo(22));
        Assert.That(InlineScriptNonces().Matches(html).Select(m => m.Groups[1].Value).ToArray(), Has.Length.EqualTo(3).And.All.EqualTo(nonce), "every script tag carries this response's nonce");
        Assert.That(page.Header("X-Frame-Options"), Is.EqualTo("DENY"));
        Assert.That(page.Header("Referrer-Policy"), Is.EqualTo("no-referrer"));
        Assert.That(script.Header("X-Frame-Options"), Is.EqualTo("DENY"));
        Assert.That(html, Does.Contain("\"hideClientButton\":true"));

        using var again = await client.GetAsync("/docs/");
        Assert.That(NonceSource().Match(again.Header("Content-Security-Policy") ?? string.Empty).Groups[1].Value, Is.Not.EqualTo(nonce), "a nonce is used once");
    }

    [TestCase("/openapi/v1.json")]
    [TestCase(ApiHost.ImportsPath)]
    [TestCase("/api/v1/nothing-here")]
    [TestCase("/health/live")]
    public async Task Api_responses_send_a_policy_that_runs_nothing_and_forbids_framing(string path)
    {
        using var client = ApiHost.DemoClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.Header("Content-Security-Policy"), Is.EqualTo("default-src 'none'; frame-ancestors 'none'"));
    }

    [Test]
    public async Task The_document_names_a_relative_server_unless_one_is_configured()
    {
        await using var configured = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string> { ["ApiDocs:ServerUrl"] = "https://imports.example.com/" });
        using var relative = await ApiHost.Client(null, null).GetAsync("/openapi/v1.json");
        using var named = await ApiHost.Client(null, null, configured).GetAsync("/openapi/v1.json");
        using var docs = await ApiHost.Client(null, null, configured).GetAsync("/docs/");

        Assert.That((await relative.ReadJsonAsync()).GetProperty("servers")[0].GetProperty("url").GetString(), Is.EqualTo("/"));
        Assert.That((await named.ReadJsonAsync()).GetProperty("servers")[0].GetProperty("url").GetString(), Is.EqualTo("https://imports.example.com"));
        Assert.That(docs.Header("Content-Security-Policy"), Does.Contain("connect-src 'self' https://imports.example.com;"), "the try-it panel may call the named server");
    }

    [TestCase("imports.example.com")]
    [TestCase("ftp://imports.example.com")]
    [TestCase("//imports.example.com")]
    public void A_server_url_that_is_not_http_or_a_path_stops_start_up(string url)
    {
        using var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string> { ["ApiDocs:ServerUrl"] = url });

        var failure = Assert.Catch(() => _ = host.Server);

        Assert.That(failure?.ToString(), Does.Contain("ApiDocs:ServerUrl"));
    }

    [GeneratedRegex("<script>([^<]*)</script>")]
    private static partial Regex UnnoncedInlineScripts();

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("<script[^>]*nonce=\"([^\"]+)\"")]
    private static partial Regex InlineScriptNonces();

    [GeneratedRegex("\"url\":\"(https?://[^\"]+)\"")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
