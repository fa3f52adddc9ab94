using System.Net;
using ImportsService.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ImportsService.Api.Tests.Common;

public sealed class RequestLoggingTests
{
    [Test]
    public async Task Each_request_is_logged_with_its_trace_id_and_account_but_never_its_credentials()
    {
        var logs = new LogCapture();
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configureServices: services => services.AddSingleton<ILogEventSink>(logs));
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var ok = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2");
        using var unauthorized = await ApiHost.Client("a-wrong-secret-key", DemoTenants.DemoAccountToken, host).GetAsync(ApiHost.ImportsPath);

        var written = logs.Rendered();
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(written, Does.Contain("/api/v1/imports").And.Contain("TraceId=").And.Contain("AccountId="));
        Assert.That(written, Does.Not.Contain(DemoTenants.DemoApiKey).And.Not.Contain("a-wrong-secret-key").And.Not.Contain(DemoTenants.DemoAccountToken));
    }

    [Test]
    public async Task A_flood_of_1000_anonymous_and_guessing_requests_from_one_address_is_a_few_lines_and_real_events_still_appear()
    {
        var logs = new LogCapture();
        var clock = new StoppedClock();
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string>
            {
                ["Serilog:MinimumLevel:Default"] = "Information",
                ["RateLimiting:PermitsPerClientPerWindow"] = "50",
            },
            configureServices: services =>
            {
                services.AddSingleton<ILogEventSink>(logs);
                services.AddSingleton<IStartupFilter, PeerAddressFilter>();
                services.AddSingleton<TimeProvider>(clock); // the flood fits in one interval however slow the machine
            });
        using var anonymous = ApiHost.Client(null, null, host).From("203.0.113.50");
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From("203.0.113.50");
        using var tenant = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host).From("203.0.113.50");
        using var elsewhere = ApiHost.Client("another-guess", DemoTenants.DemoAccountToken, host).From("198.51.100.77");

        (await tenant.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).Dispose();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            using var response = (i % 5) switch
            {
                0 or 1 => await anonymous.GetAsync(ApiHost.ImportsPath),
                2 => await anonymous.GetAsync($"/api/v1/nothing-{i}"),
                3 => await anonymous.GetAsync("/health/live"),
                _ => await guesser.GetAsync(ApiHost.ImportsPath),
            };
            statuses.Add(response.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            (await tenant.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).Dispose();
        }

        (await elsewhere.GetAsync(ApiHost.ImportsPath)).Dispose();
        clock.Now += TimeSpan.FromSeconds(61);
        (await anonymous.GetAsync(ApiHost.ImportsPath)).Dispose();

        var lines = logs.Rendered().Split(Environment.NewLine).Where(l => l.StartsWith("HTTP ", StringComparison.Ordinal)).ToArray();
        Assert.That(statuses.Distinct(), Is.EquivalentTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.That(lines.Count(l => l.Contains("203.0.113.50", StringComparison.Ordinal)), Is.EqualTo(5),
            "one line per status (401, 404, 200 from the health check, 429) in the interval, and one after it:\n" + string.Join('\n', lines));
        Assert.That(lines.Last(), Does.Contain("responded 401").And.Contain("SuppressedCount=449"), "of 400 anonymous and 50 guessing 401s, only the first was written");
        Assert.That(lines.Count(l => l.Contains("responded 200", StringComparison.Ordinal) && l.Contains("AccountId=", StringComparison.Ordinal)), Is.EqualTo(4),
            "the tenant's own lines are all written, from the flooded address too");
        Assert.That(logs.Rendered(), Does.Contain("Authentication failed for client \"198.51.100.77\""), "a real warning from elsewhere still appears");
        Assert.That(lines.Count(l => l.Contains("198.51.100.77", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    private sealed class StoppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
