using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Access;

public sealed class TokenAuthenticationTests
{
    [Test]
    public async Task A_request_without_authorization_is_a_401_that_asks_for_a_token()
    {
        using var client = ApiHost.Client(apiKey: null, DemoTenants.DemoAccountToken);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Is.EqualTo(new[] { "Token" }));
    }

    [TestCase("Basic demo-api-key")]
    [TestCase("Token")]
    [TestCase("Token demo-api-key extra")]
    [TestCase("demo-api-key")]
    public async Task A_malformed_authorization_header_is_a_401(string authorization)
    {
        using var client = ApiHost.Client(apiKey: null, DemoTenants.DemoAccountToken);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Token"));
    }

    [Test]
    public async Task An_unknown_api_key_is_a_401()
    {
        using var client = ApiHost.Client("not-a-key-we-issued", DemoTenants.DemoAccountToken);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
    }

    [Test]
    public async Task A_request_without_an_account_token_is_a_401()
    {
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, accountToken: null);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Account-Token"));
    }

    [TestCase(DemoTenants.DemoApiKey, "no-such-account-token", TestName = "An unknown account token is a 403")]
    [TestCase(DemoTenants.DemoApiKey, DemoTenants.OtherAccountToken, TestName = "Another tenant's account token is a 403")]
    [TestCase(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken, TestName = "A member without the read-imports permission gets a 403")]
    public async Task A_valid_key_that_may_not_read_the_account_is_a_403(string apiKey, string accountToken)
    {
        using var client = ApiHost.Client(apiKey, accountToken);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ApiHost.ImportsPath);
    }

    [Test]
    public async Task Unknown_foreign_and_unpermitted_accounts_get_the_same_403_detail()
    {
        var details = new List<string?>();
        foreach (var (apiKey, accountToken) in new[]
                 {
                     (DemoTenants.DemoApiKey, "no-such-account-token"),
                     (DemoTenants.DemoApiKey, DemoTenants.OtherAccountToken),
                     (DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken),
                 })
        {
            using var client = ApiHost.Client(apiKey, accountToken);
            using var response = await client.GetAsync(ApiHost.ImportsPath);
            details.Add((await response.ReadJsonAsync()).GetProperty("detail").GetString());
        }

        Assert.That(details.Distinct().Count(), Is.EqualTo(1));
        Assert.That(details[0], Is.Not.Empty);
    }

    [Test]
    public async Task The_health_endpoints_need_no_credentials()
    {
        using var client = ApiHost.Factory.CreateClient();
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
