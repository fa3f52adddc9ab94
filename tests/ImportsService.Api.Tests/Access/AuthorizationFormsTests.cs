using System.Net;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Access;

/// <summary>Every form of Authorization the contract accepts reads the demo account; a malformed one is a 401.</summary>
public sealed class AuthorizationFormsTests
{
    [TestCase("Token demo-api-key")]
    [TestCase("token demo-api-key")]
    [TestCase("Token token=\"demo-api-key\"")]
    [TestCase("Token token=demo-api-key")]
    [TestCase("TOKEN Token = \"demo-api-key\" , nonce=\"a \\\"b\\\", c\"")]
    [TestCase("Bearer demo-api-key")]
    [TestCase("bearer demo-api-key")]
    public async Task An_accepted_form_reads_the_demo_account(string authorization)
    {
        using var response = await SendAsync(authorization);

        var body = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("records").GetArrayLength(), Is.EqualTo(2));
    }

    [TestCase("Token token=\"demo-api-key\", token=\"demo-api-key\"")]
    [TestCase("Token token=\"demo-api-key")]
    [TestCase("Token token=\"\"")]
    [TestCase("Token token=demo-api-key nonce=x")]
    [TestCase("Bearer token=\"demo-api-key\"")]
    [TestCase("Basic demo-api-key")]
    [TestCase("Token realm=\"imports\", token=demo-api-key")]
    public async Task A_malformed_form_is_a_401_with_the_malformed_detail(string authorization)
    {
        using var response = await SendAsync(authorization);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Token"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Send the header Authorization: Token <api_key>."));
    }

    [Test]
    public async Task An_unknown_key_in_an_accepted_form_is_the_same_401_as_in_the_plain_form()
    {
        using var plain = await SendAsync("Token not-a-key-we-issued");
        using var quoted = await SendAsync("Token token=\"not-a-key-we-issued\"");
        using var bearer = await SendAsync("Bearer not-a-key-we-issued");

        var details = new List<string?>();
        foreach (var response in new[] { plain, quoted, bearer })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
            details.Add(problem.GetProperty("detail").GetString());
        }

        Assert.That(details.Distinct().ToArray(), Has.Length.EqualTo(1));
    }

    private static async Task<HttpResponseMessage> SendAsync(string authorization)
    {
        using var client = ApiHost.Client(apiKey: null, DemoTenants.DemoAccountToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ApiHost.ImportsPath}?per_page=2");
        Assert.That(request.Headers.TryAddWithoutValidation("Authorization", authorization), Is.True);
        return await client.SendAsync(request);
    }
}
