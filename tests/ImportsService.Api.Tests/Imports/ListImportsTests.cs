using System.Net;
using System.Text.Json;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Imports;

public sealed class ListImportsTests
{
    private static readonly string[] ResponseKeys =
        ["start_cursor", "next_cursor", "per_page", "estimated_remaining_count", "filtered_by", "sorted_by", "records"];

    private static readonly string[] RecordKeys =
        ["id", "completed_at", "file_name", "file_size", "note", "type", "status", "created_at", "updated_at"];

    [Test]
    public async Task A_page_has_every_key_of_the_contract_with_nulls_written_and_file_size_as_a_string()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync(ApiHost.ImportsPath);
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(ResponseKeys));
        var records = body.GetProperty("records").EnumerateArray().ToArray();
        Assert.That(records, Is.Not.Empty);
        foreach (var record in records)
        {
            Assert.That(record.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(RecordKeys));
            Assert.That(record.GetProperty("file_size").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(long.Parse(record.GetProperty("file_size").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Is.Positive);
            foreach (var key in new[] { "created_at", "updated_at", "completed_at" })
            {
                if (record.GetProperty(key).ValueKind == JsonValueKind.String)
                {
                    // RFC 3339 in UTC: seconds always, a fraction only when not zero (at most microseconds), Z.
                    Assert.That(record.GetProperty(key).GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$"), key);
                }
            }
        }

        Assert.That(records.Any(r => r.GetProperty("note").ValueKind == JsonValueKind.Null), "the demo data has imports without a note");
        Assert.That(records.Any(r => r.GetProperty("completed_at").ValueKind == JsonValueKind.Null), "the demo data has unfinished imports");
        Assert.That(records.Any(r => r.GetProperty("completed_at").ValueKind == JsonValueKind.String), "the demo data has finished imports");
    }

    [Test]
    public async Task Without_parameters_the_first_page_holds_50_imports_newest_id_first()
    {
        using var client = ApiHost.DemoClient();
        var body = await (await client.GetAsync(ApiHost.ImportsPath)).ReadJsonAsync();

        var ids = Ids(body);
        Assert.That(body.GetProperty("per_page").GetInt32(), Is.EqualTo(50));
        Assert.That(ids, Has.Length.EqualTo(50));
        Assert.That(ids, Is.Ordered.Descending);
        Assert.That(body.GetProperty("sorted_by").ToString(), Is.EqualTo("""[{"id":"desc"}]"""));
        Assert.That(body.GetProperty("filtered_by").GetArrayLength(), Is.Zero);
        Assert.That(body.GetProperty("estimated_remaining_count").GetInt32(), Is.EqualTo(500));
        Assert.That(body.GetProperty("start_cursor").GetString(), Is.Not.Empty);
        Assert.That(body.GetProperty("next_cursor").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Walking_every_page_returns_each_of_the_demo_accounts_imports_once_in_order()
    {
        using var client = ApiHost.DemoClient();
        var ids = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = cursor is null ? $"{ApiHost.ImportsPath}?per_page=100" : $"{ApiHost.ImportsPath}?start_cursor={cursor}";
            using var response = await client.GetAsync(url);
            var body = await response.ReadJsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
            Assert.That(body.GetProperty("per_page").GetInt32(), Is.EqualTo(100));
            ids.AddRange(Ids(body));
            cursor = body.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.That(pages, Is.EqualTo(10));
        Assert.That(ids, Has.Count.EqualTo(DemoTenants.DemoImportCount));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.Ordered.Descending);
    }

    [Test]
    public async Task The_last_page_has_no_next_cursor()
    {
        using var client = ApiHost.OtherClient();
        var first = await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=100")).ReadJsonAsync();
        var last = await (await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={first.GetProperty("next_cursor").GetString()}")).ReadJsonAsync();

        Assert.That(Ids(last), Has.Length.EqualTo(DemoTenants.OtherImportCount - 100));
        Assert.That(last.GetProperty("next_cursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(last.GetProperty("estimated_remaining_count").GetInt32(), Is.EqualTo(100));
    }

    [Test]
    public async Task A_start_cursor_returns_the_same_page_again()
    {
        using var client = ApiHost.DemoClient();
        var first = await (await client.GetAsync($"{ApiHost.ImportsPath}?per_page=7&sort[created_at]=asc")).ReadJsonAsync();
        var second = await (await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={first.GetProperty("next_cursor").GetString()}")).ReadJsonAsync();
        var again = await (await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={second.GetProperty("start_cursor").GetString()}")).ReadJsonAsync();
        var firstAgain = await (await client.GetAsync($"{ApiHost.ImportsPath}?start_cursor={first.GetProperty("start_cursor").GetString()}")).ReadJsonAsync();

        Assert.That(Ids(again), Is.EqualTo(Ids(second)));
        Assert.That(Ids(firstAgain), Is.EqualTo(Ids(first)));
        Assert.That(Ids(second).Intersect(Ids(first)), Is.Empty);
        Assert.That(again.GetProperty("sorted_by").ToString(), Is.EqualTo("""[{"created_at":"asc"},{"id":"asc"}]"""));
    }

    [Test]
    public async Task A_start_cursor_sent_with_the_same_filters_and_sort_is_accepted()
    {
        using var client = ApiHost.DemoClient();
        const string listing = "filter[status][include]=failed&sort[updated_at]=desc";
        var first = await (await client.GetAsync($"{ApiHost.ImportsPath}?{listing}&per_page=5")).ReadJsonAsync();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?{listing}&start_cursor={first.GetProperty("next_cursor").GetString()}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Filters_and_sorts_come_back_normalised_with_bounds_in_utc_and_the_id_tiebreaker()
    {
        using var client = ApiHost.DemoClient();
        var url = $"{ApiHost.ImportsPath}?filter[status][include]=failed,new,failed" +
                  "&filter[updated_at][lt]=2030-01-01&filter[created_at][lte]=2029-06-30T12:00:00Z" +
                  "&filter[created_at][gte]=2024-01-01T02:00:00%2B02:00&sort[updated_at]=asc";
        using var response = await client.GetAsync(url);
        var body = await response.ReadJsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("filtered_by").ToString(), Is.EqualTo(
            """[{"status":{"include":"new,failed"}},{"created_at":{"gte":"2024-01-01T00:00:00Z"}},""" +
            """{"created_at":{"lte":"2029-06-30T12:00:00Z"}},{"updated_at":{"lt":"2030-01-01T00:00:00Z"}}]"""));
        Assert.That(body.GetProperty("sorted_by").ToString(), Is.EqualTo("""[{"updated_at":"asc"},{"id":"asc"}]"""));
        var records = body.GetProperty("records").EnumerateArray().ToArray();
        Assert.That(records, Is.Not.Empty);
        Assert.That(records.Select(r => r.GetProperty("status").GetString()), Is.All.AnyOf("new", "failed"));
        Assert.That(records.Select(r => DateTimeOffset.Parse(r.GetProperty("updated_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
            Is.Ordered.Ascending);
    }

    [Test]
    public async Task Each_account_sees_only_its_own_imports()
    {
        using var demo = ApiHost.DemoClient();
        using var other = ApiHost.OtherClient();
        var demoIds = Ids(await (await demo.GetAsync($"{ApiHost.ImportsPath}?per_page=100")).ReadJsonAsync());
        var otherIds = Ids(await (await other.GetAsync($"{ApiHost.ImportsPath}?per_page=100")).ReadJsonAsync());

        Assert.That(demoIds.Intersect(otherIds), Is.Empty);
    }

    private static long[] Ids(JsonElement body) =>
        body.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray();
}
