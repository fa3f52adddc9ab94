using System.Net;
using System.Text.Json;

namespace ImportsService.Api.Tests.Docs;

/// <summary>
/// src/Api/ImportsService.Api.http, the requests an IDE opens: every one is sent, in order, to the test host (the
/// file's own keys, its host replaced) and answers the status its <c># expect:</c> comment names.
/// </summary>
public sealed class HttpFileTests
{
    private static readonly HttpFile File = HttpFile.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ImportsService.Api.http")));

    [Test]
    public void The_file_has_the_readme_requests_each_with_an_expected_status()
    {
        var urls = File.Requests.Select(r => r.Url).ToList();

        Assert.That(File.Requests, Has.All.Matches<HttpFileRequest>(r => r.ExpectedStatus is not null), "every request says what it expects");
        Assert.That(urls, Has.Some.Contains("filter[status][include]"), "a filter");
        Assert.That(urls, Has.Some.Contains("sort["), "a sort");
        Assert.That(urls, Has.Some.Contains("start_cursor="), "a cursor");
        Assert.That(urls, Has.Some.Matches<string>(u => u.Contains("/api/v1/imports/", StringComparison.Ordinal)), "one import");
        Assert.That(File.Requests.Select(r => r.ExpectedStatus), Has.Some.GreaterThanOrEqualTo(400), "an error");
        Assert.That(File.Variables.Keys, Is.SupersetOf(new[] { "host", "apiKey", "accountToken" }));
    }

    [Test]
    public async Task Every_request_in_the_file_answers_the_status_it_expects()
    {
        using var client = ApiHost.Factory.CreateClient();
        var variables = new Dictionary<string, string>(File.Variables, StringComparer.Ordinal) { ["host"] = client.BaseAddress!.ToString().TrimEnd('/') };
        var responses = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var answered = new List<string>();

        foreach (var request in File.Requests)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), HttpFile.Resolve(request.Url, variables, responses));
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, HttpFile.Resolve(value, variables, responses));
            }

            using var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            answered.Add($"{request}: {(int)response.StatusCode}");
            Assert.That((int)response.StatusCode, Is.EqualTo(request.ExpectedStatus), $"{request}: {body}");
            if (request.Name is not null)
            {
                responses[request.Name] = JsonDocument.Parse(body).RootElement.Clone();
            }
        }

        Assert.That(answered, Has.Count.EqualTo(File.Requests.Count));
    }

    [Test]
    public void An_unresolved_variable_is_an_error_not_a_literal()
    {
        Assert.That(
            () => HttpFile.Resolve("{{host}}/api/v1/imports/{{nope.response.body.$.id}}", new Dictionary<string, string> { ["host"] = "h" }, new Dictionary<string, JsonElement>()),
            Throws.InvalidOperationException.With.Message.Contains("nope"));
    }
}
