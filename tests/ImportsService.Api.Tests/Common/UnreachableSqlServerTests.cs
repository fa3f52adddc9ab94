using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// Database:Provider=SqlServer with no server behind the connection string (a closed loopback port):
/// the service still starts, reports not ready, answers 503 with Retry-After within seconds, and logs
/// the problem without the connection string's password.
/// </summary>
public sealed class UnreachableSqlServerTests
{
    private const string Password = "Sup3r-Secret-Pa55word";
    private static readonly TimeSpan FewSeconds = TimeSpan.FromSeconds(15);

    private readonly LogCapture logs = new();
    private ImportsApiFactory host = null!;

    [OneTimeSetUp]
    public void StartWithAnUnreachableServer()
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Imports"] = $"Server=127.0.0.1,{LoopbackPorts.Closed()};Database=imports;User ID=sa;Password={Password};Encrypt=False",
            ["Database:SqlServer:ConnectTimeoutSeconds"] = "2",
        };
        host = new ImportsApiFactory(ApiHost.DatabasePath, settings: settings, configureServices: services => services.AddSingleton<ILogEventSink>(logs));

        var clock = Stopwatch.StartNew();
        _ = host.Server;
        Assert.That(clock.Elapsed, Is.LessThan(FewSeconds), "start-up waited on the database");
    }

    [OneTimeTearDown]
    public void Stop() => host.Dispose();

    [Test]
    public async Task Readiness_reports_unhealthy_while_liveness_stays_healthy()
    {
        using var client = host.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Readiness_names_the_failed_check_in_json_without_the_connection_string_or_the_error()
    {
        using var client = host.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await ready.Content.ReadAsStringAsync();

        Assert.That(ready.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(body, Does.StartWith("""{"status":"Unhealthy",""").And.Contain("""{"name":"database","status":"Unhealthy","duration_ms":"""));
        Assert.That(body, Does.Not.Contain(Password).And.Not.Contain("127.0.0.1").And.Not.Contain("Exception").And.Not.Contain("does not answer"));
    }

    [Test]
    public async Task Listing_answers_503_problem_details_with_retry_after_within_seconds()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", "Token demo-api-key");
        client.DefaultRequestHeaders.Add("Account-Token", "demo-account-token");
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri(ApiHost.ImportsPath, UriKind.Relative));

        Assert.That(clock.Elapsed, Is.LessThan(FewSeconds));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Not.Contain(Password).And.Not.Contain("127.0.0.1"));
    }

    [Test]
    public async Task The_log_names_the_problem_but_never_the_password()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", "Token demo-api-key");
        client.DefaultRequestHeaders.Add("Account-Token", "demo-account-token");
        using var _ = await client.GetAsync(new Uri(ApiHost.ImportsPath, UriKind.Relative));

        var written = logs.Rendered();

        Assert.That(written, Does.Contain("database is unavailable").IgnoreCase);
        Assert.That(written, Does.Not.Contain(Password));
    }
}
