using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ImportsService.Infrastructure.Seeding;
using ImportsService.Api.Limits;

namespace ImportsService.Api.Tests.Common;

/// <summary>The per-account token bucket and the IETF RateLimit headers.</summary>
public sealed partial class AccountRateLimitTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";

    [Test]
    public async Task Every_authenticated_response_carries_the_policy_and_what_is_left_of_it()
    {
        await using var host = Host(("RateLimiting:PermitsPerWindow", "5"), ("RateLimiting:WindowSeconds", "3600"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var first = await demo.GetAsync(Page);
        using var second = await demo.GetAsync(Page);
        using var invalid = await demo.GetAsync($"{ApiHost.ImportsPath}?per_page=1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Header("RateLimit-Policy"), Is.EqualTo("\"default\";q=5;w=3600"));
            Assert.That(first.Header("RateLimit"), Is.EqualTo("\"default\";r=4;t=720"));
            Assert.That(second.Header("RateLimit"), Is.EqualTo("\"default\";r=3;t=1440"));
            // A 400 written by the exception handler (which clears headers) still carries them.
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(invalid.Header("RateLimit-Policy"), Is.EqualTo("\"default\";q=5;w=3600"));
            Assert.That(invalid.Header("RateLimit"), Is.EqualTo("\"default\";r=2;t=2160"));
        }
    }

    [Test]
    public async Task The_defaults_are_600_a_minute()
    {
        await using var host = Host();
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var response = await demo.GetAsync(Page);

        Assert.That(response.Header("RateLimit-Policy"), Is.EqualTo("\"default\";q=600;w=60"));
        Assert.That(response.Header("RateLimit"), Is.EqualTo("\"default\";r=599;t=1"));
    }

    [Test]
    public async Task An_empty_bucket_is_a_429_problem_with_the_real_wait_and_no_quota_left()
    {
        await using var host = Host(("RateLimiting:PermitsPerWindow", "2"), ("RateLimiting:WindowSeconds", "3600"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        (await demo.GetAsync(Page)).Dispose();
        (await demo.GetAsync(Page)).Dispose();

        using var limited = await demo.GetAsync(Page);

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, ApiHost.ImportsPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("https://tools.ietf.org/html/rfc6585#section-4"));
            // One token every 1,800 s: the wait is what is left of that, not the whole hour.
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.FromSeconds(1700)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(1800)));
            Assert.That(limited.Header("RateLimit"), Does.StartWith("\"default\";r=0;"));
            Assert.That(limited.Headers.CacheControl?.NoStore, Is.True);
        }
    }

    [Test]
    public async Task The_bucket_refills_at_the_steady_rate()
    {
        // 2 permits per second: a burst of 2, then one more every half second.
        await using var host = Host(("RateLimiting:PermitsPerWindow", "2"), ("RateLimiting:WindowSeconds", "1"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        (await demo.GetAsync(Page)).Dispose();
        (await demo.GetAsync(Page)).Dispose();
        using var limited = await demo.GetAsync(Page);
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(1)));

        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        using var refilled = await demo.GetAsync(Page);

        Assert.That(refilled.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_configured_account_override_applies_to_that_account_only()
    {
        var demoId = LimitsTestSupport.DemoAccountId.ToString(CultureInfo.InvariantCulture);
        await using var host = Host(
            ($"RateLimiting:Accounts:{demoId}:PermitsPerWindow", "1"),
            ($"RateLimiting:Accounts:{demoId}:WindowSeconds", "3600"),
            ($"RateLimiting:Accounts:{demoId}:Policy", "trial"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var other = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, host);

        using var first = await demo.GetAsync(Page);
        using var second = await demo.GetAsync(Page);
        using var otherAccount = await other.GetAsync(Page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Header("RateLimit-Policy"), Is.EqualTo("\"trial\";q=1;w=3600"));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(otherAccount.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(otherAccount.Header("RateLimit-Policy"), Is.EqualTo("\"default\";q=600;w=60"));
        }
    }

    [Test]
    public async Task A_stored_plan_wins_over_configuration()
    {
        var demoId = LimitsTestSupport.DemoAccountId;
        using var database = new TemporaryDatabase("plan-tests");
        await using var host = new ImportsApiFactory(
            database.Path,
            settings: new Dictionary<string, string> { [$"RateLimiting:Accounts:{demoId}:PermitsPerWindow"] = "1" });
        _ = host.Server;

        // The plan as the account stores it (migration 0006), read by the same look-up that authenticates.
        var stored = await database.ExecuteAsync(
            "UPDATE accounts SET rate_plan = 'gold', rate_permits = 3, rate_window_seconds = 10 WHERE token = $token;",
            ("$token", DemoTenants.DemoAccountToken));
        Assert.That(stored, Is.EqualTo(1));

        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var response = await demo.GetAsync(Page);

        Assert.That(response.Header("RateLimit-Policy"), Is.EqualTo("\"gold\";q=3;w=10"));
        Assert.That(response.Header("RateLimit"), Is.EqualTo("\"gold\";r=2;t=4"));
    }

    [Test]
    public async Task Refused_requests_carry_no_rate_limit_headers()
    {
        await using var host = Host();
        using var unknown = ApiHost.Client("not-a-key-we-issued", DemoTenants.DemoAccountToken, host);
        using var forbidden = ApiHost.Client(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken, host);

        using var unauthorized = await unknown.GetAsync(Page);
        using var refused = await forbidden.GetAsync(Page);

        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(unauthorized.Header("RateLimit-Policy") ?? refused.Header("RateLimit-Policy"), Is.Null);
    }

    [Test]
    public async Task Enabled_false_turns_every_limit_off()
    {
        await using var host = Host(
            ("RateLimiting:Enabled", "false"),
            ("RateLimiting:PermitsPerWindow", "1"),
            ("RateLimiting:PermitsPerClientPerWindow", "1"),
            ("RateLimiting:MaxConcurrentRequests", "1"),
            ("RateLimiting:MaxQueuedRequests", "0"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await demo.GetAsync(Page);
            using var guess = await guesser.GetAsync(Page);
            statuses.Add(ok.StatusCode);
            statuses.Add(guess.StatusCode);
            Assert.That(ok.Header("RateLimit-Policy"), Is.Null);
        }

        Assert.That(statuses, Is.EqualTo(Enumerable.Repeat(new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }, 3).SelectMany(s => s)));
    }

    [Test]
    public async Task Health_endpoints_are_never_limited()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "1"), ("RateLimiting:PermitsPerWindow", "1"));
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host);
        (await guesser.GetAsync(Page)).Dispose();
        using var blocked = await guesser.GetAsync(Page);
        Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        for (var i = 0; i < 5; i++)
        {
            using var live = await guesser.GetAsync("/health/live");
            using var ready = await guesser.GetAsync("/health/ready");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(live.Header("RateLimit-Policy"), Is.Null);
        }
    }

    [Test]
    public void Invalid_limits_stop_start_up_and_say_which_key()
    {
        using var host = Host(("RateLimiting:MaxConcurrentRequestsPerAccount", "0"), ("RateLimiting:Accounts:abc:PermitsPerWindow", "5"));

        var failure = Assert.Catch(() => _ = host.Server);

        Assert.That(failure?.ToString(), Does.Contain("MaxConcurrentRequestsPerAccount").And.Contain("RateLimiting:Accounts:abc"));
    }

    [TestCase(600, 60, "\"default\";q=600;w=60")]
    [TestCase(100, 10, "\"default\";q=100;w=10")]
    public void The_policy_header_is_the_bucket(int permits, int window, string expected) =>
        Assert.That(RateLimitHeaders.Policy(new AccountRatePlan("default", permits, window)), Is.EqualTo(expected));

    [Test]
    public void The_rate_limit_header_is_a_structured_field_item()
    {
        var value = RateLimitHeaders.RateLimit(new AccountRatePlan("default", 600, 60), 599);

        Assert.That(StructuredItem().IsMatch(value), Is.True, value);
    }

    private static ImportsApiFactory Host(params (string Key, string Value)[] settings) =>
        new(ApiHost.DatabasePath, settings: settings.ToDictionary(s => s.Key, s => s.Value));

    [GeneratedRegex("^\"[a-z0-9._-]+\";r=[0-9]+;t=[0-9]+$")]
    private static partial Regex StructuredItem();
}
