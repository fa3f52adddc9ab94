using System.Globalization;
using System.Net;
using System.Text.Json;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Versioning;

/// <summary>
/// Date-based versions (issue 7): a key is locked to a release, <c>X-Api-Version</c> overrides it per request,
/// a date stands for the newest release on or before it, and every response names the release that answered.
/// The shipped service has one release, 2024-01-01; <see cref="HypotheticalRelease"/> adds a later one.
/// </summary>
public sealed class ApiVersionTests
{
    private const string Header = "X-Api-Version";
    private const string FirstRelease = "2024-01-01";
    private const string HypotheticalRelease = "2025-01-01";

    [Test]
    public async Task Without_the_header_a_demo_key_answers_as_the_release_it_is_locked_to()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(VersionOf(response), Is.EqualTo(FirstRelease));
    }

    [TestCase("2024-01-01")]
    [TestCase("2024-03-15")]
    [TestCase("2025-05-05")]
    [TestCase("2026-01-01")]
    public async Task Any_date_from_the_first_release_to_today_resolves_to_the_newest_release_on_or_before_it(string date)
    {
        using var client = ApiHost.DemoClient();
        using var request = Get($"{ApiHost.ImportsPath}?per_page=2", date);
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(VersionOf(response), Is.EqualTo(FirstRelease));
    }

    [Test]
    public async Task Today_in_the_time_zone_furthest_ahead_is_not_the_future()
    {
        var aheadToday = DateTime.UtcNow.AddHours(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var client = ApiHost.DemoClient();
        using var request = Get($"{ApiHost.ImportsPath}?per_page=2", aheadToday);
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("2024-03-15", FirstRelease)]
    [TestCase("2024-12-31", FirstRelease)]
    [TestCase("2025-01-01", HypotheticalRelease)]
    [TestCase("2025-05-05", HypotheticalRelease)]
    public async Task With_a_later_release_a_date_resolves_to_the_newest_release_on_or_before_it(string date, string release)
    {
        await using var host = HypotheticalRelease_Host();
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var request = Get($"{ApiHost.ImportsPath}?per_page=2", date);
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(VersionOf(response), Is.EqualTo(release));
    }

    [TestCase("2024-1-1")]
    [TestCase("20240101")]
    [TestCase("2024/01/01")]
    [TestCase("2024-02-30")]
    [TestCase("2024-01-01T00:00:00Z")]
    [TestCase("latest")]
    [TestCase(" 2024-03-15 x")]
    public async Task A_malformed_date_is_a_400_that_says_what_is_accepted(string sent)
    {
        using var client = ApiHost.DemoClient();
        using var request = Get($"{ApiHost.ImportsPath}?per_page=2", sent);
        using var response = await client.SendAsync(request);

        var message = await AssertVersionErrorAsync(response);
        Assert.That(message, Does.Contain("YYYY-MM-DD").And.Contain(FirstRelease).And.Contain("to today"));
        Assert.That(VersionOf(response), Is.EqualTo(FirstRelease), "the newest release answered");
    }

    [Test]
    public async Task An_empty_header_is_no_header()
    {
        await Versioning.HypotheticalRelease.AddLockedKeyAsync();
        await using var host = HypotheticalRelease_Host();
        using var client = ApiHost.Client(Versioning.HypotheticalRelease.LockedApiKey, DemoTenants.DemoAccountToken, host);
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiHost.ImportsPath + "?per_page=2");
        request.Headers.TryAddWithoutValidation(Header, " ");
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(VersionOf(response), Is.EqualTo(HypotheticalRelease), "the key's release");
    }

    [Test]
    public async Task Two_versions_in_one_request_are_a_400()
    {
        using var client = ApiHost.DemoClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiHost.ImportsPath);
        request.Headers.TryAddWithoutValidation(Header, ["2024-03-15", "2024-04-15"]);
        using var response = await client.SendAsync(request);

        Assert.That(await AssertVersionErrorAsync(response), Does.Contain("one date"));
    }

    [Test]
    public async Task A_date_in_the_future_is_a_400_that_says_what_is_accepted()
    {
        var future = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var client = ApiHost.DemoClient();
        foreach (var date in new[] { future, "2999-01-01" })
        {
            using var request = Get($"{ApiHost.ImportsPath}?per_page=2", date);
            using var response = await client.SendAsync(request);

            var message = await AssertVersionErrorAsync(response);
            Assert.That(message, Does.Contain($"{date} is in the future").And.Contain("YYYY-MM-DD").And.Contain(FirstRelease));
        }
    }

    [TestCase("2023-12-31")]
    [TestCase("2020-06-01")]
    [TestCase("0001-01-01")]
    public async Task A_date_before_the_first_release_is_a_400_that_says_what_is_accepted(string date)
    {
        using var client = ApiHost.DemoClient();
        using var request = Get($"{ApiHost.ImportsPath}?per_page=2", date);
        using var response = await client.SendAsync(request);

        var message = await AssertVersionErrorAsync(response);
        Assert.That(message, Does.Contain($"{date} is before the first release, {FirstRelease}").And.Contain("YYYY-MM-DD"));
    }

    [Test]
    public async Task A_bad_version_is_reported_before_authentication()
    {
        using var anonymous = ApiHost.Client(apiKey: null, accountToken: null);
        using var request = Get(ApiHost.ImportsPath, "2023-01-01");
        using var response = await anonymous.SendAsync(request);

        await AssertVersionErrorAsync(response);
    }

    [Test]
    public async Task Every_kind_of_response_names_the_release_that_answered()
    {
        await using var host = HypotheticalRelease_Host(new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerWindow"] = "3",
            ["RateLimiting:WindowSeconds"] = "3600",
        });
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var anonymous = ApiHost.Client(null, null, host);
        using var noAccess = ApiHost.Client(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken, host);
        using var unknownKey = ApiHost.Client("no-such-key", DemoTenants.DemoAccountToken, host);

        // Authenticated without the header: the key's release (the demo keys are locked to 2024-01-01).
        await ExpectAsync(demo, ApiHost.ImportsPath + "?per_page=2", null, HttpStatusCode.OK, FirstRelease);
        await ExpectAsync(demo, ApiHost.ImportsPath + "?page=2", null, HttpStatusCode.BadRequest, FirstRelease);
        await ExpectAsync(demo, ApiHost.ImportsPath + "/999999999", HypotheticalRelease, HttpStatusCode.NotFound, HypotheticalRelease);
        await ExpectAsync(demo, ApiHost.ImportsPath + "?per_page=2", null, HttpStatusCode.TooManyRequests, FirstRelease);
        await ExpectAsync(demo, ApiHost.ImportsPath + "?per_page=2", "2024-06-01", HttpStatusCode.TooManyRequests, FirstRelease);
        await ExpectAsync(noAccess, ApiHost.ImportsPath, null, HttpStatusCode.Forbidden, FirstRelease);

        // Nobody authenticated: the newest release, or the one asked for.
        await ExpectAsync(anonymous, ApiHost.ImportsPath, null, HttpStatusCode.Unauthorized, HypotheticalRelease);
        await ExpectAsync(unknownKey, ApiHost.ImportsPath, "2024-06-01", HttpStatusCode.Unauthorized, FirstRelease);
        await ExpectAsync(anonymous, "/no/such/path", null, HttpStatusCode.NotFound, HypotheticalRelease);
        await ExpectAsync(anonymous, "/health/live", null, HttpStatusCode.OK, HypotheticalRelease);
        await ExpectAsync(anonymous, ApiHost.ImportsPath, "1999-01-01", HttpStatusCode.BadRequest, HypotheticalRelease);

        using var post = new HttpRequestMessage(HttpMethod.Post, ApiHost.ImportsPath);
        post.Headers.Add(Header, "2024-06-01");
        using var notAllowed = await anonymous.SendAsync(post);
        Assert.That(notAllowed.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(VersionOf(notAllowed), Is.EqualTo(FirstRelease));
    }

    [Test]
    public async Task A_500_and_a_503_name_the_release_that_answered()
    {
        foreach (var (exception, status) in new (Exception, HttpStatusCode)[]
                 {
                     (new InvalidOperationException("boom"), HttpStatusCode.InternalServerError),
                     (new DatabaseUnavailableException("down", new TimeoutException()), HttpStatusCode.ServiceUnavailable),
                 })
        {
            await using var host = new ImportsApiFactory(ApiHost.DatabasePath, pageReader: new ThrowingPageReader(exception));
            using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

            await ExpectAsync(client, ApiHost.ImportsPath, null, status, FirstRelease);
            await ExpectAsync(client, ApiHost.ImportsPath, "2025-05-05", status, FirstRelease);
        }
    }

    [Test]
    public async Task The_release_chosen_selects_the_response_shape_so_a_breaking_change_lives_beside_the_old_one()
    {
        await using var host = HypotheticalRelease_Host();
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        var old = await GetJsonAsync(demo, ApiHost.ImportsPath + "?per_page=2", "2024-12-31");
        var later = await GetJsonAsync(demo, ApiHost.ImportsPath + "?per_page=2", "2025-02-01");
        var lockedToFirst = await GetJsonAsync(demo, ApiHost.ImportsPath + "?per_page=2", null);

        Assert.That(Names(old), Is.EqualTo(new[] { "start_cursor", "next_cursor", "per_page", "estimated_remaining_count", "filtered_by", "sorted_by", "records" }));
        Assert.That(old.GetProperty("records")[0].GetProperty("file_size").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(Names(later), Is.EqualTo(new[] { "data", "meta" }));
        Assert.That(later.GetProperty("data")[0].GetProperty("file_size").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(later.GetProperty("data")[0].GetProperty("id").GetInt64(), Is.EqualTo(old.GetProperty("records")[0].GetProperty("id").GetInt64()));
        Assert.That(Names(lockedToFirst), Is.EqualTo(Names(old)));

        var id = old.GetProperty("records")[0].GetProperty("id").GetInt64();
        var oldOne = await GetJsonAsync(demo, $"{ApiHost.ImportsPath}/{id}", "2024-06-01");
        var laterOne = await GetJsonAsync(demo, $"{ApiHost.ImportsPath}/{id}", "2025-06-01");
        Assert.That(oldOne.GetProperty("file_size").ValueKind, Is.EqualTo(JsonValueKind.String));
        Assert.That(laterOne.GetProperty("file_size").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(laterOne.GetProperty("file_size").GetInt64().ToString(CultureInfo.InvariantCulture), Is.EqualTo(oldOne.GetProperty("file_size").GetString()));
    }

    [Test]
    public async Task A_key_locked_to_the_later_release_gets_its_shape_without_the_header_and_the_old_one_with_it()
    {
        await Versioning.HypotheticalRelease.AddLockedKeyAsync();
        await using var host = HypotheticalRelease_Host();
        using var locked = ApiHost.Client(Versioning.HypotheticalRelease.LockedApiKey, DemoTenants.DemoAccountToken, host);

        using var own = await locked.GetAsync(ApiHost.ImportsPath + "?per_page=2");
        using var request = Get(ApiHost.ImportsPath + "?per_page=2", "2024-06-01");
        using var overridden = await locked.SendAsync(request);

        Assert.That(VersionOf(own), Is.EqualTo(HypotheticalRelease));
        Assert.That(Names(await own.ReadJsonAsync()), Is.EqualTo(new[] { "data", "meta" }));
        Assert.That(VersionOf(overridden), Is.EqualTo(FirstRelease));
        Assert.That(Names(await overridden.ReadJsonAsync()), Does.Contain("records"));
    }

    [Test]
    public async Task A_key_locked_to_a_release_this_service_does_not_have_answers_as_the_newest_release_before_it()
    {
        await Versioning.HypotheticalRelease.AddLockedKeyAsync();
        using var locked = ApiHost.Client(Versioning.HypotheticalRelease.LockedApiKey, DemoTenants.DemoAccountToken);

        using var response = await locked.GetAsync(ApiHost.ImportsPath + "?per_page=2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(VersionOf(response), Is.EqualTo(FirstRelease));
        Assert.That(Names(await response.ReadJsonAsync()), Does.Contain("records"));
    }

    private static ImportsApiFactory HypotheticalRelease_Host(IReadOnlyDictionary<string, string>? settings = null) =>
        Versioning.HypotheticalRelease.Host(settings);

    private static HttpRequestMessage Get(string path, string? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, version);
        }

        return request;
    }

    private static async Task ExpectAsync(HttpClient client, string path, string? version, HttpStatusCode status, string release)
    {
        using var request = Get(path, version);
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(status), $"{path} with {version ?? "no version"}");
        Assert.That(VersionOf(response), Is.EqualTo(release), $"{path} with {version ?? "no version"} ({status})");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, string? version)
    {
        using var request = Get(path, version);
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.ReadJsonAsync();
    }

    private static async Task<string> AssertVersionErrorAsync(HttpResponseMessage response)
    {
        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EqualTo(new[] { Header }));
        var messages = errors.GetProperty(Header).EnumerateArray().Select(m => m.GetString()!).ToArray();
        Assert.That(messages, Has.Length.EqualTo(1));
        return messages[0];
    }

    private static string? VersionOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(Header, out var values) ? string.Join(",", values) : null;

    private static string[] Names(JsonElement body) => body.EnumerateObject().Select(p => p.Name).ToArray();

    private sealed class ThrowingPageReader(Exception exception) : IImportPageReader
    {
        public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken) => Task.FromException<KeysetPage>(exception);
    }
}
