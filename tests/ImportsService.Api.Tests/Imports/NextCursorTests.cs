using System.Net;

namespace ImportsService.Api.Tests.Imports;

/// <summary>What Fleetio's own connectors send: <c>?per_page=100</c>, then only <c>?next_cursor=&lt;value&gt;</c>.</summary>
public sealed class NextCursorTests
{
    [Test]
    public async Task A_client_that_pages_with_next_cursor_reads_the_demo_account_to_the_end_exactly_once()
    {
        using var client = ApiHost.DemoClient();
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var url = cursor is null ? $"{ApiHost.ImportsPath}?per_page=100" : $"{ApiHost.ImportsPath}?next_cursor={cursor}";
            using var response = await client.GetAsync(url);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
            var body = await response.ReadJsonAsync();
            ids.AddRange(body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
            cursor = body.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.That(ids, Has.Count.EqualTo(1000));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.Ordered.Descending);
    }

    [Test]
    public async Task Start_cursor_and_next_cursor_with_different_values_are_a_400_naming_both()
    {
        using var client = ApiHost.DemoClient();
        var first = await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).ReadJsonAsync();
        var next = first.GetProperty("next_cursor").GetString();
        var start = first.GetProperty("start_cursor").GetString();

        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={start}&next_cursor={next}");

        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EquivalentTo(new[] { "start_cursor", "next_cursor" }));
    }

    [Test]
    public async Task Start_cursor_and_next_cursor_with_the_same_value_are_one_cursor()
    {
        using var client = ApiHost.DemoClient();
        var first = await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2")).ReadJsonAsync();
        var next = first.GetProperty("next_cursor").GetString();

        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={next}&next_cursor={next}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_bad_next_cursor_is_a_400_under_next_cursor()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?next_cursor=not-a-cursor");

        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EqualTo(new[] { "next_cursor" }));
        Assert.That(errors.GetProperty("next_cursor")[0].GetString(), Does.StartWith("next_cursor is not a cursor"));
    }
}
