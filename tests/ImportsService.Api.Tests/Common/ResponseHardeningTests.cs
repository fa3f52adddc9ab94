using System.Net;
using ImportsService.Api.Logging;
using ImportsService.Api.Errors;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;
using Microsoft.AspNetCore.Http;

namespace ImportsService.Api.Tests.Common;

/// <summary>Headers every response carries, a type on every problem, and a bounded 400.</summary>
public sealed class ResponseHardeningTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/api/v1/exports")]
    [TestCase(ApiHost.ImportsPath)]
    public async Task Every_response_says_nosniff(string path)
    {
        using var anonymous = ApiHost.Factory.CreateClient();
        using var demo = ApiHost.DemoClient();

        using var withoutCredentials = await anonymous.GetAsync(path);
        using var withCredentials = await demo.GetAsync(path);

        Assert.That(withoutCredentials.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
        Assert.That(withCredentials.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task Responses_to_requests_with_credentials_are_not_stored_whatever_their_status()
    {
        using var demo = ApiHost.DemoClient();
        using var unknown = ApiHost.Client("not-a-key-we-issued", DemoTenants.DemoAccountToken);
        using var forbidden = ApiHost.Client(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken);

        using var ok = await demo.GetAsync(Page);
        using var invalid = await demo.GetAsync($"{ApiHost.ImportsPath}?page=2");
        using var notFound = await demo.GetAsync("/api/v1/exports");
        using var unauthorized = await unknown.GetAsync(Page);
        using var refused = await forbidden.GetAsync(Page);

        foreach (var response in new[] { ok, invalid, notFound, unauthorized, refused })
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{response.StatusCode}");
        }
    }

    [Test]
    public async Task Kestrel_sends_no_server_header()
    {
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath);
        host.UseKestrel(0);
        host.StartServer();
        using var client = host.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var listing = await ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host).GetAsync(Page);

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(client.BaseAddress?.IsLoopback, Is.True);
        Assert.That(live.Headers.Server, Is.Empty);
        Assert.That(listing.Headers.Server, Is.Empty);
        Assert.That(live.Header("X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task Every_problem_has_a_type_of_one_scheme()
    {
        using var demo = ApiHost.DemoClient();
        using var unknown = ApiHost.Client("not-a-key-we-issued", DemoTenants.DemoAccountToken);
        using var forbidden = ApiHost.Client(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken);

        var expected = new Dictionary<HttpResponseMessage, string>
        {
            [await unknown.GetAsync(Page)] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            [await forbidden.GetAsync(Page)] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
            [await demo.GetAsync("/api/v1/exports")] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            [await demo.PostAsync(ApiHost.ImportsPath, content: null)] = "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        };

        foreach (var (response, type) in expected)
        {
            var body = await response.ReadJsonAsync();
            Assert.That(body.GetProperty("type").GetString(), Is.EqualTo(type), $"{response.StatusCode}");
            response.Dispose();
        }
    }

    [Test]
    public async Task Problems_of_every_status_the_service_writes_have_a_type()
    {
        await using var limited = new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
        {
            ["RateLimiting:PermitsPerClientPerWindow"] = "1",
            ["RateLimiting:WindowSeconds"] = "3600",
        });
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, limited);
        (await guesser.GetAsync(Page)).Dispose();
        using var tooMany = await guesser.GetAsync(Page);

        await using var unavailable = new ImportsApiFactory(ApiHost.DatabasePath,
            pageReader: new ThrowingPageReader(new ImportsService.Application.Common.Exceptions.DatabaseUnavailableException("down", new TimeoutException())));
        using var serviceUnavailable = await ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, unavailable).GetAsync(Page);

        await using var broken = new ImportsApiFactory(ApiHost.DatabasePath, pageReader: new ThrowingPageReader(new InvalidOperationException("boom")));
        using var serverError = await ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, broken).GetAsync(Page);

        var types = new Dictionary<string, string?>
        {
            ["429"] = (await tooMany.AssertProblemAsync(HttpStatusCode.TooManyRequests, ApiHost.ImportsPath)).GetProperty("type").GetString(),
            ["503"] = (await serviceUnavailable.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ApiHost.ImportsPath)).GetProperty("type").GetString(),
            ["500"] = (await serverError.AssertProblemAsync(HttpStatusCode.InternalServerError, ApiHost.ImportsPath)).GetProperty("type").GetString(),
        };

        Assert.That(types, Is.EqualTo(new Dictionary<string, string?>
        {
            ["429"] = "https://tools.ietf.org/html/rfc6585#section-4",
            ["503"] = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            ["500"] = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        }));
    }

    [Test]
    public async Task A_bad_request_kestrel_raises_inside_the_pipeline_is_a_problem_with_its_status()
    {
        var reader = new ThrowingPageReader(new BadHttpRequestException("Request body too large. The max request body size is 30000000 bytes.", StatusCodes.Status413PayloadTooLarge));
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, pageReader: reader);
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var response = await demo.GetAsync(Page);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, ApiHost.ImportsPath);
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.14"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("larger than this service accepts"));
    }

    [Test]
    public async Task A_400_lists_at_most_20_entries_and_says_how_many_more()
    {
        using var demo = ApiHost.DemoClient();
        var unknown = string.Join('&', Enumerable.Range(1, 30).Select(i => $"unknown{i}=x"));

        using var response = await demo.GetAsync($"{ApiHost.ImportsPath}?{unknown}");

        var errors = await response.AssertValidationErrorsAsync();
        var entries = errors.EnumerateObject().SelectMany(p => p.Value.EnumerateArray().Select(m => (p.Name, Message: m.GetString()))).ToArray();
        Assert.That(entries, Has.Length.EqualTo(20));
        Assert.That(entries[..19].Select(e => e.Name), Is.EqualTo(Enumerable.Range(1, 19).Select(i => $"unknown{i}")));
        Assert.That(entries[19].Name, Is.EqualTo("..."));
        Assert.That(entries[19].Message, Does.StartWith("and 11 more"));
    }

    [Test]
    public async Task A_400_with_20_entries_or_fewer_is_listed_whole()
    {
        using var demo = ApiHost.DemoClient();
        var unknown = string.Join('&', Enumerable.Range(1, 20).Select(i => $"unknown{i}=x"));

        using var response = await demo.GetAsync($"{ApiHost.ImportsPath}?{unknown}");

        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EqualTo(Enumerable.Range(1, 20).Select(i => $"unknown{i}")));
    }

    [Test]
    public async Task A_400_escapes_markup_and_format_characters_it_echoes()
    {
        using var demo = ApiHost.DemoClient();
        const string name = "<script>alert('x')&amp;</script>\u202etxt.exe\u200b\ufeff";

        using var response = await demo.GetAsync($"{ApiHost.ImportsPath}?{Uri.EscapeDataString(name)}=1");

        var raw = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(raw.IndexOfAny(['<', '>', '&', '\'', '\u202e', '\u200b', '\ufeff']), Is.EqualTo(-1), raw);
        Assert.That(raw, Does.Contain("\\u003Cscript\\u003E").And.Contain("\\u202E"));
        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(errors.ErrorKeys(), Is.EqualTo(new[] { name }), "a JSON reader gets the name back as sent");
    }

    [Test]
    public async Task A_400_stays_under_8_KiB_and_cuts_long_names_whatever_the_url()
    {
        using var demo = ApiHost.DemoClient();
        // 60 KB of query string (Kestrel would take 8 KiB of request line; the test server takes any): names of
        // markup and format characters, which escaping makes six times longer, and a status list that echoes values.
        var names = Enumerable.Range(1, 30).Select(i => $"{i}" + string.Concat(Enumerable.Repeat("<\u202e", 300)));
        var query = string.Join('&', names.Select(n => $"{Uri.EscapeDataString(n)}=1"))
                    + "&filter[status][include]=" + string.Join(',', Enumerable.Range(1, 2000).Select(i => $"s{i}"));

        using var response = await demo.GetAsync($"{ApiHost.ImportsPath}?{query}");

        var body = await response.Content.ReadAsByteArrayAsync();
        var errors = await response.AssertValidationErrorsAsync();
        Assert.That(body, Has.Length.LessThanOrEqualTo(ValidationErrorsResponse.MaxBodyBytes));
        Assert.That(errors.ErrorKeys(), Has.All.Length.LessThanOrEqualTo(ValidationErrorsResponse.MaxNameLength));
        Assert.That(errors.ErrorKeys()[0], Does.StartWith("1<\u202e<").And.EndWith("…"));
        Assert.That(errors.GetProperty(errors.ErrorKeys()[0])[0].GetString(), Does.StartWith($"Unknown parameter {errors.ErrorKeys()[0]}."), "the message echoes the cut name");
        Assert.That(errors.ErrorKeys()[^1], Is.EqualTo(ValidationErrorsResponse.MoreKey));
    }

    [Test]
    public void A_long_message_is_cut_and_a_surrogate_pair_is_never_split()
    {
        var capped = ValidationErrorsResponse.Capped(new Dictionary<string, string[]>
        {
            ["filter[status][include]"] = [new string('x', 1000)],
            [new string('a', 62) + "\U0001F600b"] = ["Unknown parameter " + new string('a', 62) + "\U0001F600b."],
        }).Errors;

        Assert.That(capped["filter[status][include]"][0], Has.Length.EqualTo(ValidationErrorsResponse.MaxMessageLength).And.EndWith("…"));
        Assert.That(capped.Keys.Last(), Is.EqualTo(new string('a', 62) + "…"));
        Assert.That(capped[new string('a', 62) + "…"], Is.EqualTo(new[] { "Unknown parameter " + new string('a', 62) + "…." }));
    }

    [Test]
    public void The_cap_counts_messages_not_only_parameters()
    {
        var errors = new Dictionary<string, string[]>
        {
            ["a"] = Enumerable.Range(1, 15).Select(i => $"a{i}").ToArray(),
            ["b"] = Enumerable.Range(1, 10).Select(i => $"b{i}").ToArray(),
        };

        var capped = ImportsService.Api.Errors.ValidationErrorsResponse.Capped(errors).Errors;

        Assert.That(capped["a"], Has.Length.EqualTo(15));
        Assert.That(capped["b"], Is.EqualTo(new[] { "b1", "b2", "b3", "b4" }));
        Assert.That(capped["..."], Is.EqualTo(new[] { "and 6 more errors not listed here; fix the ones above and send the request again." }));
    }

    private sealed class ThrowingPageReader(Exception exception) : IImportPageReader
    {
        public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken) => Task.FromException<KeysetPage>(exception);
    }
}
