using System.Net;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Common;

public sealed class ProblemResponseTests
{
    [Test]
    public async Task An_unknown_path_is_a_404_problem_with_its_instance()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync("/api/v1/exports");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/api/v1/exports");
    }

    [Test]
    public async Task A_404_is_a_problem_even_when_the_client_accepts_only_html()
    {
        using var client = ApiHost.DemoClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "/api/v1/exports");
    }

    [Test]
    public async Task Head_is_answered_like_get_without_a_body()
    {
        using var client = ApiHost.DemoClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, ApiHost.ImportsPath + "?per_page=2");
        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task A_method_other_than_get_is_a_405_problem()
    {
        using var client = ApiHost.DemoClient();
        using var response = await client.PostAsync(ApiHost.ImportsPath, content: null);

        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed, ApiHost.ImportsPath);
    }

    [Test]
    public async Task An_unreachable_database_is_a_503_with_retry_after()
    {
        var reader = new ThrowingPageReader(new DatabaseUnavailableException("The database did not answer.", new TimeoutException()));
        await using var host = new ImportsApiFactory(ApiHost.DatabasePath, pageReader: reader);
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ApiHost.ImportsPath);
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task An_unexpected_failure_in_production_is_a_500_that_shows_no_exception()
    {
        var reader = new ThrowingPageReader(new InvalidOperationException("SELECT secret FROM imports -- boom"));
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            environment: "Production",
            settings: new Dictionary<string, string> { ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey },
            pageReader: reader);
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, ApiHost.ImportsPath);
        var text = problem.ToString();
        Assert.That(text, Does.Not.Contain("secret").And.Not.Contain("InvalidOperationException").And.Not.Contain(" at "));
    }

    [Test]
    public void Outside_development_start_up_fails_without_a_cursor_signing_key_and_says_how_to_set_one()
    {
        using var host = new ImportsApiFactory(ApiHost.DatabasePath, environment: "Production");

        var failure = Assert.Catch(() => _ = host.Server);
        var messages = string.Join(" | ", Chain(failure));
        Assert.That(messages, Does.Contain("Cursors__SigningKeys__0"));
    }

    private static IEnumerable<string> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    private sealed class ThrowingPageReader(Exception exception) : IImportPageReader
    {
        public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken) => Task.FromException<KeysetPage>(exception);
    }
}
