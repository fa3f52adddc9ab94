using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Common;

public sealed class RateLimitingTests
{
    [Test]
    public async Task An_account_over_its_request_rate_gets_a_429_with_retry_after_while_another_account_does_not()
    {
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerWindow"] = "2",
            ["RateLimiting:WindowSeconds"] = "3600",
        });
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var other = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, host);

        for (var i = 0; i < 2; i++)
        {
            using var allowed = await demo.GetAsync($"{ApiHost.ImportsPath}?per_page=2");
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var limited = await demo.GetAsync($"{ApiHost.ImportsPath}?per_page=2");
        using var otherAccount = await other.GetAsync($"{ApiHost.ImportsPath}?per_page=2");

        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, ApiHost.ImportsPath);
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(otherAccount.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_client_address_over_its_rate_gets_a_429_before_its_keys_are_even_looked_up()
    {
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerClientPerWindow"] = "3",
            ["RateLimiting:WindowSeconds"] = "3600",
        });
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await guesser.GetAsync(ApiHost.ImportsPath);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var limited = await guesser.GetAsync(ApiHost.ImportsPath);

        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, ApiHost.ImportsPath);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("client address"));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }
}
