using System.Diagnostics;
using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Common;

/// <summary>No noisy neighbours: an account's in-flight cap, and the instance's cap with its short queue.</summary>
public sealed class ConcurrencyCapTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";

    [Test]
    public async Task An_account_over_its_in_flight_cap_gets_a_429_while_another_account_is_served()
    {
        var reader = new BlockingPageReader(LimitsTestSupport.DemoAccountId);
        await using var host = Host(reader, ("RateLimiting:MaxConcurrentRequestsPerAccount", "2"), ("RateLimiting:BusyRetryAfterSeconds", "3"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var other = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, host);

        var held = new[] { demo.GetAsync(Page), demo.GetAsync(Page) };
        await reader.WaitUntilInsideAsync(2);
        using var excess = await demo.GetAsync(Page);
        using var neighbour = await other.GetAsync(Page);
        reader.Release();
        var finished = await Task.WhenAll(held);

        var problem = await excess.AssertProblemAsync(HttpStatusCode.TooManyRequests, ApiHost.ImportsPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("https://tools.ietf.org/html/rfc6585#section-4"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("in flight"));
            Assert.That(excess.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(neighbour.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(finished.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        }

        // The slots are given back: the account is served again.
        using var after = await demo.GetAsync(Page);
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var response in finished)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task Over_the_instance_cap_a_request_waits_briefly_then_gets_a_503_while_health_is_answered()
    {
        var reader = new BlockingPageReader(LimitsTestSupport.DemoAccountId);
        await using var host = Host(reader,
            ("RateLimiting:MaxConcurrentRequests", "1"),
            ("RateLimiting:MaxQueuedRequests", "1"),
            ("RateLimiting:QueueTimeoutMilliseconds", "300"),
            ("RateLimiting:BusyRetryAfterSeconds", "2"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var other = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, host);

        var held = demo.GetAsync(Page);
        await reader.WaitUntilInsideAsync(1);
        var clock = Stopwatch.StartNew();
        using var refused = await other.GetAsync(Page);
        var waited = clock.Elapsed;
        using var live = await other.GetAsync("/health/live");
        using var ready = await other.GetAsync("/health/ready");
        reader.Release();
        using var finished = await held;

        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ApiHost.ImportsPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(waited, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)), "it was queued before it was refused");
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(finished.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task A_queued_request_is_served_when_a_slot_comes_free_in_time()
    {
        var reader = new BlockingPageReader(LimitsTestSupport.DemoAccountId);
        await using var host = Host(reader,
            ("RateLimiting:MaxConcurrentRequests", "1"),
            ("RateLimiting:MaxQueuedRequests", "1"),
            ("RateLimiting:QueueTimeoutMilliseconds", "10000"));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var other = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, host);

        var held = demo.GetAsync(Page);
        await reader.WaitUntilInsideAsync(1);
        var queued = other.GetAsync(Page);
        await Task.Delay(200);
        Assert.That(queued.IsCompleted, Is.False, "the second request waits for the first");
        using var beyondQueue = await other.GetAsync(Page);
        reader.Release();
        using var first = await held;
        using var second = await queued;

        Assert.That(beyondQueue.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "the queue holds one; the next is refused at once");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static ImportsApiFactory Host(BlockingPageReader reader, params (string Key, string Value)[] settings) =>
        new(ApiHost.DatabasePath, settings: settings.ToDictionary(s => s.Key, s => s.Value), pageReader: reader);
}
