using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Access;

/// <summary>
/// Through the real pipeline on a database of its own: a resolved caller is reused for
/// <c>Access:CallerCache:Seconds</c>, and a key revoked in the database stops working once that has passed.
/// </summary>
public sealed class CallerCacheTests
{
    private TemporaryDatabase database = null!;

    [SetUp]
    public void NewDatabase() => database = new TemporaryDatabase("cache-tests");

    [TearDown]
    public void DeleteDatabase() => database.Dispose();

    [Test]
    public async Task A_revoked_key_works_until_the_cache_ttl_has_passed_and_never_after()
    {
        await using var host = new ImportsApiFactory(database.Path, settings: new Dictionary<string, string> { ["Access:CallerCache:Seconds"] = "2" });
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using (var before = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await RevokeAllKeysAsync();
        using (var cached = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2"))
        {
            Assert.That(cached.StatusCode, Is.EqualTo(HttpStatusCode.OK), "within the TTL the cached caller is reused (the documented revocation delay)");
        }

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        using var after = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2");

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task With_the_cache_off_a_revoked_key_stops_at_once()
    {
        await using var host = new ImportsApiFactory(database.Path, settings: new Dictionary<string, string> { ["Access:CallerCache:Seconds"] = "0" });
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using (var before = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2"))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await RevokeAllKeysAsync();
        using var after = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2");

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    private Task<int> RevokeAllKeysAsync() => database.ExecuteAsync("UPDATE api_keys SET revoked_at = 1;");
}
