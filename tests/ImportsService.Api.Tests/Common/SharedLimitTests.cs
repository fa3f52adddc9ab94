using System.Net;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// Two API hosts on one SQLite file and one Redis server, as two instances behind a load balancer:
/// the limits hold across both. Skipped, with the reason, where redis-server is not installed.
/// </summary>
[NonParallelizable]
public sealed class SharedLimitTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";

    private RedisServer redis = null!;

    [OneTimeSetUp]
    public void StartRedis() => redis = RedisServer.StartOrIgnore();

    [OneTimeTearDown]
    public void StopRedis() => redis?.Dispose();

    [Test]
    public async Task An_accounts_bucket_is_one_bucket_across_two_instances()
    {
        var settings = Settings(("RateLimiting:PermitsPerWindow", "3"), ("RateLimiting:WindowSeconds", "3600"));
        await using var first = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings);
        await using var second = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings);
        using var viaFirst = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, first);
        using var viaSecond = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, second);
        using var otherViaSecond = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, second);

        using var one = await viaFirst.GetAsync(Page);
        using var two = await viaSecond.GetAsync(Page);
        using var three = await viaFirst.GetAsync(Page);
        using var four = await viaSecond.GetAsync(Page);
        using var neighbour = await otherViaSecond.GetAsync(Page);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { one.StatusCode, two.StatusCode, three.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(new[] { one.Header("RateLimit"), two.Header("RateLimit"), three.Header("RateLimit") },
                Is.EqualTo(new[] { "\"default\";r=2;t=1200", "\"default\";r=1;t=2400", "\"default\";r=0;t=3600" }));
            Assert.That(four.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the second instance saw the first one's requests");
            Assert.That(four.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.FromSeconds(1100)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(1200)));
            Assert.That(neighbour.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task Failed_authentications_of_an_address_are_counted_across_two_instances()
    {
        var settings = Settings(("RateLimiting:PermitsPerClientPerWindow", "2"));
        await using var first = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings);
        await using var second = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings);
        using var viaFirst = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, first);
        using var viaSecond = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, second);

        using var one = await viaFirst.GetAsync(Page);
        using var two = await viaSecond.GetAsync(Page);
        using var three = await viaFirst.GetAsync(Page);

        Assert.That(new[] { one.StatusCode, two.StatusCode, three.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        all["ConnectionStrings:Redis"] = redis.ConnectionString;
        all["RateLimiting:RedisKeyPrefix"] = $"test-{Guid.NewGuid():N}"; // each test its own buckets
        return all;
    }
}

/// <summary>What the Redis tests are measured against: without Redis each instance keeps its own buckets.</summary>
public sealed class InProcessLimitTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";

    [Test]
    public async Task Without_redis_each_instance_has_its_own_bucket()
    {
        var settings = new Dictionary<string, string> { ["RateLimiting:PermitsPerWindow"] = "1", ["RateLimiting:WindowSeconds"] = "3600" };
        await using var first = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings);
        await using var second = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings);

        using var one = await ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, first).GetAsync(Page);
        using var two = await ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, second).GetAsync(Page);

        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(two.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task When_redis_does_not_answer_requests_pass_and_a_warning_is_logged()
    {
        var logs = new LogCapture();
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string>
            {
                ["ConnectionStrings:Redis"] = $"127.0.0.1:{LoopbackPorts.Closed()},connectTimeout=500,connectRetry=0",
                ["RateLimiting:PermitsPerWindow"] = "1",
            },
            configureServices: services => services.AddSingleton<ILogEventSink>(logs));
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var one = await demo.GetAsync(Page);
        using var two = await demo.GetAsync(Page);

        Assert.That(one.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(two.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(one.Header("RateLimit"), Is.Null, "nothing is known of the bucket");
        Assert.That(one.Header("RateLimit-Policy"), Is.EqualTo("\"default\";q=1;w=60"));
        Assert.That(logs.Rendered(), Does.Contain("Redis did not answer the rate limiter"));
    }
}
