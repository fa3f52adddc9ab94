using System.Net;
using System.Text.Json;

namespace ImportsService.Api.Tests.Imports;

/// <summary><c>GET /api/v1/imports/{id}</c> through the real pipeline, on the demo data.</summary>
public sealed class GetImportTests
{
    [Test]
    public async Task An_import_of_the_callers_account_is_the_same_object_as_its_records_item()
    {
        using var client = ApiHost.DemoClient();
        var listed = (await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=5")).ReadJsonAsync()).GetProperty("records").EnumerateArray().ToArray();

        foreach (var record in listed)
        {
            using var response = await client.GetAsync($"{ApiHost.ImportsPath}/{record.GetProperty("id").GetInt64()}");
            var body = await response.ReadJsonAsync();

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body.GetRawText(), Is.EqualTo(record.GetRawText()), "exactly the fields, order and formats of a records item");
        }
    }

    [Test]
    public async Task Another_accounts_import_and_a_missing_import_are_the_same_404()
    {
        using var other = ApiHost.OtherClient();
        var theirId = (await (await other.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).ReadJsonAsync())
            .GetProperty("records")[0].GetProperty("id").GetInt64();
        using var client = ApiHost.DemoClient();

        using var foreign = await client.GetAsync($"{ApiHost.ImportsPath}/{theirId}");
        using var missing = await client.GetAsync($"{ApiHost.ImportsPath}/{long.MaxValue}");
        var foreignProblem = await foreign.AssertProblemAsync(HttpStatusCode.NotFound, $"{ApiHost.ImportsPath}/{theirId}");
        var missingProblem = await missing.AssertProblemAsync(HttpStatusCode.NotFound, $"{ApiHost.ImportsPath}/{long.MaxValue}");

        Assert.That(foreignProblem.GetProperty("detail").GetString(), Is.EqualTo(missingProblem.GetProperty("detail").GetString()));
        Assert.That(Members(foreignProblem), Is.EqualTo(Members(missingProblem)), "no member tells the two apart");
        using var theirs = await other.GetAsync($"{ApiHost.ImportsPath}/{theirId}");
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the owner still reads it");
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("1.5")]
    [TestCase("9223372036854775808")]
    [TestCase("%2B1")]
    public async Task An_id_that_is_not_a_positive_64_bit_integer_is_a_400_under_id(string id)
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}/{id}");

        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EqualTo(new[] { "id" }));
        Assert.That(errors.GetProperty("id")[0].GetString(), Does.Contain("positive whole number"));
    }

    [Test]
    public async Task Query_parameters_are_a_400_that_names_them()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}/1?fields=id&per_page=2");

        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EquivalentTo(new[] { "fields", "per_page" }));
    }

    [Test]
    public async Task It_needs_the_same_credentials_as_the_list()
    {
        using var anonymous = ApiHost.Client(null, null);
        using var noPermission = ApiHost.Client(Infrastructure.Seeding.DemoTenants.NoAccessApiKey, Infrastructure.Seeding.DemoTenants.DemoAccountToken);

        using var unauthenticated = await anonymous.GetAsync($"{ApiHost.ImportsPath}/1");
        using var forbidden = await noPermission.GetAsync($"{ApiHost.ImportsPath}/1");

        await unauthenticated.AssertProblemAsync(HttpStatusCode.Unauthorized, $"{ApiHost.ImportsPath}/1");
        await forbidden.AssertProblemAsync(HttpStatusCode.Forbidden, $"{ApiHost.ImportsPath}/1");
    }

    [Test]
    public async Task Head_answers_like_get_without_a_body()
    {
        using var client = ApiHost.DemoClient();
        var id = (await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).ReadJsonAsync()).GetProperty("records")[0].GetProperty("id").GetInt64();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{ApiHost.ImportsPath}/{id}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    private static string[] Members(JsonElement problem) =>
        problem.EnumerateObject().Select(p => p.Name).Where(name => name is not ("instance" or "traceId")).ToArray();
}
