using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ImportsService.Client;
using ImportsService.Client.Generated.Api.V1.Imports;
using ImportsService.Client.Generated.Models;
using ImportRecord = ImportsService.Client.Generated.Models.ImportRecord;
using ImportStatus = ImportsService.Domain.Imports.ImportStatus;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests.Client;

/// <summary>
/// The Kiota-generated client with the hand-written <see cref="ImportsClient.ListAllAsync"/>, through the
/// service's real HTTP pipeline (the test host's handler): authentication, rate limiting, parsing, SQL.
/// </summary>
public sealed class ImportsClientTests
{
    [Test]
    public async Task ListAllAsync_reads_all_1000_demo_imports_exactly_once_with_a_filter_and_a_sort()
    {
        using var recorder = new RecordingHandler();
        var client = Client(ApiHost.Factory, recorder);

        var records = await ToListAsync(client.ListAllAsync(query =>
        {
            query.FiltercreatedAtgte = "2024-01-01";
            query.SortupdatedAt = GetSortUpdated_atQueryParameterType.Asc;
            query.PerPage = 100;
        }));

        var ids = records.Select(r => r.Id!.Value).ToArray();
        Assert.That(ids, Has.Length.EqualTo(DemoTenants.DemoImportCount));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.EquivalentTo(await DemoIdsAsync("1 = 1", "id")));
        Assert.That(records.Select(r => (r.UpdatedAt!.Value, r.Id!.Value)), Is.Ordered.By("Item1").Then.By("Item2"));
        Assert.That(recorder.Requests, Has.Count.EqualTo(10), "ten pages of 100");
        Assert.That(recorder.Requests[0].Query, Is.EqualTo("?filter[created_at][gte]=2024-01-01&per_page=100&sort[updated_at]=asc"));
        Assert.That(recorder.Requests.Skip(1).Select(r => r.Query), Has.All.StartsWith("?start_cursor=").And.All.Not.Contains("&"), "a cursor alone resumes the listing");
    }

    [Test]
    public async Task ListAllAsync_with_a_status_filter_and_a_descending_sort_reads_exactly_the_matching_imports_in_order()
    {
        var client = Client(ApiHost.Factory);

        var records = await ToListAsync(client.ListAllAsync(query =>
        {
            query.Filterstatusinclude = [GetFilterStatusIncludeQueryParameterType.Failed, GetFilterStatusIncludeQueryParameterType.Complete];
            query.SortcreatedAt = GetSortCreated_atQueryParameterType.Desc;
            query.PerPage = 7;
        }));

        var expected = await DemoIdsAsync($"status IN ({(int)ImportStatus.Failed}, {(int)ImportStatus.Complete})", "created_at DESC, id DESC");
        Assert.That(records.Select(r => r.Id!.Value), Is.EqualTo(expected));
        Assert.That(records.Select(r => r.Status), Has.All.AnyOf(ImportRecord_status.Failed, ImportRecord_status.Complete));
    }

    [Test]
    public async Task ListAllAsync_waits_out_retry_after_on_429_and_still_reads_every_import_once()
    {
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerWindow"] = "4",
            ["RateLimiting:WindowSeconds"] = "1",
        });
        using var recorder = new RecordingHandler();
        var waits = new List<TimeSpan>();
        var client = Client(host, recorder, waits.Add);

        var records = await ToListAsync(client.ListAllAsync(query => query.PerPage = 100));

        Assert.That(records.Select(r => r.Id!.Value).ToArray(), Is.Unique.And.Length.EqualTo(DemoTenants.DemoImportCount));
        var limited = recorder.Requests.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToArray();
        Assert.That(limited, Is.Not.Empty, "four requests a second cannot read ten pages without a 429");
        Assert.That(waits, Has.Count.EqualTo(limited.Length));
        Assert.That(waits, Has.All.EqualTo(TimeSpan.FromSeconds(1)), "the Retry-After the service sent");
        foreach (var (request, next) in recorder.Requests.Zip(recorder.Requests.Skip(1)).Where(pair => pair.First.Status == HttpStatusCode.TooManyRequests))
        {
            Assert.That(next.SentAt - request.AnsweredAt, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(15)), "waited before asking again");
            Assert.That(next.Query, Is.EqualTo(request.Query), "the same page again");
        }
    }

    [Test]
    public async Task Out_of_retries_the_429_is_thrown_as_the_generated_problem()
    {
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerWindow"] = "1",
            ["RateLimiting:WindowSeconds"] = "3600",
        });
        var client = Client(host, maxRetries: 2);

        var problem = Assert.ThrowsAsync<Problem>(async () => await ToListAsync(client.ListAllAsync(query => query.PerPage = 2).Take(5)));

        Assert.That(problem!.ResponseStatusCode, Is.EqualTo(429));
        Assert.That(problem.Status, Is.EqualTo(429));
        Assert.That(problem.Detail, Does.Contain("Retry-After"));
    }

    [Test]
    public async Task The_generated_client_sends_the_credentials_and_the_pinned_version_and_reads_one_import()
    {
        using var recorder = new RecordingHandler();
        var client = Client(ApiHost.Factory, recorder);

        var record = await client.Api.Api.V1.Imports[998].GetAsync();

        Assert.That(record!.Id, Is.EqualTo(998));
        Assert.That(record.FileSize, Does.Match("^[0-9]+$"));
        var sent = recorder.Requests.Single();
        Assert.That(sent.Path, Is.EqualTo("/api/v1/imports/998"));
        Assert.That(sent.Headers["Authorization"], Is.EqualTo("Token " + DemoTenants.DemoApiKey));
        Assert.That(sent.Headers["Account-Token"], Is.EqualTo(DemoTenants.DemoAccountToken));
        Assert.That(sent.Headers["X-Api-Version"], Is.EqualTo(ImportsClient.GeneratedApiVersion));
        Assert.That(sent.ResponseVersion, Is.EqualTo(ImportsClient.GeneratedApiVersion));
    }

    [Test]
    public async Task A_400_is_thrown_as_the_generated_validation_errors()
    {
        var client = Client(ApiHost.Factory);

        var errors = Assert.ThrowsAsync<ValidationErrors>(async () => await client.Api.Api.V1.Imports.GetAsync(c => c.QueryParameters.PerPage = 500));

        Assert.That(errors!.ResponseStatusCode, Is.EqualTo(400));
        Assert.That(errors.Errors!.AdditionalData.Keys, Is.EquivalentTo(new[] { "per_page" }));
        await Task.CompletedTask;
    }

    [Test]
    public void The_version_the_client_pins_is_the_one_its_document_describes()
    {
        var document = JsonNode.Parse(File.ReadAllText(OpenApi.SourceTree.PathOf("src", "Client", "openapi.json")))!;

        Assert.That(document["info"]!["version"]!.GetValue<string>(), Is.EqualTo(ImportsClient.GeneratedApiVersion));
    }

    private static ImportsClient Client(ImportsApiFactory host, RecordingHandler? recorder = null, Action<TimeSpan>? onRateLimited = null, int maxRetries = 5)
    {
        var http = recorder is null ? host.CreateDefaultClient() : host.CreateDefaultClient(recorder);
        return new ImportsClient(http, new ImportsClientOptions
        {
            BaseUrl = http.BaseAddress!,
            ApiKey = DemoTenants.DemoApiKey,
            AccountToken = DemoTenants.DemoAccountToken,
            MaxRateLimitRetries = maxRetries,
            OnRateLimited = onRateLimited,
        });
    }

    private static async Task<List<ImportRecord>> ToListAsync(IAsyncEnumerable<ImportRecord> records)
    {
        var list = new List<ImportRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    /// <summary>The demo account's import ids straight from the database, for comparison.</summary>
    private static async Task<long[]> DemoIdsAsync(string where, string orderBy)
    {
        await using var connection = new SqliteConnection($"Data Source={ApiHost.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id FROM imports WHERE account_id = (SELECT id FROM accounts WHERE token = $token) AND {where} ORDER BY {orderBy};";
        command.Parameters.AddWithValue("$token", DemoTenants.DemoAccountToken);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return [.. ids];
    }

    /// <summary>What the client sent and what came back, in order, with the query string decoded.</summary>
    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<Exchange> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var sentAt = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken);
            lock (Requests)
            {
                Requests.Add(new Exchange(
                    request.RequestUri!.AbsolutePath,
                    Uri.UnescapeDataString(request.RequestUri.Query),
                    request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                    response.StatusCode,
                    response.Headers.TryGetValues("X-Api-Version", out var version) ? version.Single() : null,
                    TimeSpan.FromTicks(sentAt * TimeSpan.TicksPerSecond / Stopwatch.Frequency),
                    TimeSpan.FromTicks(Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            }

            return response;
        }
    }

    private sealed record Exchange(string Path, string Query, Dictionary<string, string> Headers, HttpStatusCode Status, string? ResponseVersion, TimeSpan SentAt, TimeSpan AnsweredAt);
}
