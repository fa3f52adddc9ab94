using System.Net;

namespace ImportsService.Api.Tests.Imports;

public sealed class ListImportsValidationTests
{
    [TestCase("page=2", "page", "pages by cursor")]
    [TestCase("per_page=2&per_page=3", "per_page", "more than once")]
    [TestCase("per_page=1", "per_page", "2 to 100")]
    [TestCase("per_page=101", "per_page", "2 to 100")]
    [TestCase("per_page=ten", "per_page", "2 to 100")]
    [TestCase("filter[status][include]=failed,exploded", "filter[status][include]", "'exploded'")]
    [TestCase("filter[created_at][gte]=21/11/2024", "filter[created_at][gte]", "ISO-8601")]
    [TestCase("filter[updated_at][lt]=2024-11-21T10:15:30", "filter[updated_at][lt]", "ISO-8601")]
    [TestCase("filter[created_at][gt]=2024-01-01&filter[created_at][gte]=2024-01-02", "filter[created_at][gte]", "at most one lower bound")]
    [TestCase("sort[created_at]=desc&sort[updated_at]=desc", "sort[updated_at]", "at most one of created_at and updated_at")]
    [TestCase("sort[created_at]=desc&sort[id]=asc", "sort[id]", "same way")]
    [TestCase("sort[id]=up", "sort[id]", "asc or desc")]
    [TestCase("sort[name]=asc", "sort[name]", "Unknown sort")]
    [TestCase("filter[name][eq]=x", "filter[name][eq]", "Unknown filter")]
    [TestCase("Sort[ID]=asc", "Sort[ID]", "Unknown")]
    [TestCase("start_cursor=not-a-cursor", "start_cursor", "not a cursor this endpoint issued")]
    public async Task A_bad_parameter_is_a_400_naming_it_as_sent(string queryString, string parameter, string messagePart)
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?{queryString}");
        var errors = await response.AssertValidationErrorsAsync();

        Assert.That(errors.ErrorKeys(), Does.Contain(parameter));
        Assert.That(errors.GetProperty(parameter).EnumerateArray().Select(m => m.GetString()), Has.Some.Contains(messagePart));
    }

    [Test]
    public async Task Every_problem_of_a_request_comes_back_at_once_keyed_by_parameter()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync(
            $"{ApiHost.ImportsPath}?page=3&per_page=0&filter[status][include]=nope&sort[id]=sideways&filter[created_at][lt]=yesterday");
        var errors = await response.AssertValidationErrorsAsync();

        Assert.That(errors.ErrorKeys(), Is.EquivalentTo(new[]
        {
            "page", "per_page", "filter[status][include]", "sort[id]", "filter[created_at][lt]",
        }));
    }

    [Test]
    public async Task A_tampered_cursor_is_a_400_on_start_cursor()
    {
        using var client = ApiHost.DemoClient();
        var page = await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=3")).ReadJsonAsync();
        var cursor = page.GetProperty("next_cursor").GetString()!;
        var middle = cursor.Length / 2;
        var tampered = cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..];

        var errors = await (await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={tampered}")).AssertValidationErrorsAsync();

        Assert.That(errors.ErrorKeys(), Is.EqualTo(new[] { "start_cursor" }));
    }

    [Test]
    public async Task Another_accounts_cursor_is_a_400_with_the_same_message_as_a_tampered_one()
    {
        using var other = ApiHost.OtherClient();
        using var demo = ApiHost.DemoClient();
        var otherPage = await (await other.GetAsync($"{ApiHost.ImportsPath}?per_page=3")).ReadJsonAsync();

        var foreign = await (await demo.GetAsync($"{ApiHost.ImportsPath}?start_cursor={otherPage.GetProperty("next_cursor").GetString()}"))
            .AssertValidationErrorsAsync();
        var garbage = await (await demo.GetAsync($"{ApiHost.ImportsPath}?start_cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAA")).AssertValidationErrorsAsync();

        Assert.That(foreign.GetProperty("start_cursor").ToString(), Is.EqualTo(garbage.GetProperty("start_cursor").ToString()));
    }

    [Test]
    public async Task A_cursor_sent_with_other_filters_is_a_400_on_start_cursor()
    {
        using var client = ApiHost.DemoClient();
        var page = await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=3")).ReadJsonAsync();
        var cursor = page.GetProperty("next_cursor").GetString();

        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={cursor}&filter[status][include]=failed");
        var errors = await response.AssertValidationErrorsAsync();

        Assert.That(errors.ErrorKeys(), Is.EqualTo(new[] { "start_cursor" }));
        Assert.That(errors.GetProperty("start_cursor")[0].GetString(), Does.Contain("other filters or sort"));
    }

    [Test]
    public async Task An_empty_start_cursor_means_the_first_page()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor=&per_page=2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
