using System.Net;
using System.Text.Json;
using ImportsService.Api.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImportsService.Api.Tests.Health;

/// <summary>
/// /health/ready and /health/live answer JSON an operator can read (which check, what status, how long) and
/// nothing a stranger could use: no description, data or exception of any check.
/// </summary>
public sealed class HealthJsonTests
{
    [Test]
    public async Task Readiness_answers_json_with_the_overall_status_and_the_database_check()
    {
        using var client = ApiHost.Client(null, null);

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(body.RootElement.GetProperty("duration_ms").GetDouble(), Is.GreaterThanOrEqualTo(0));
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.That(checks.Select(c => c.GetProperty("name").GetString()), Is.EqualTo(new[] { "database" }));
        Assert.That(checks[0].GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(checks[0].GetProperty("duration_ms").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(checks[0].EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "name", "status", "duration_ms" }));
    }

    [Test]
    public async Task Liveness_answers_json_healthy_with_no_checks()
    {
        using var client = ApiHost.Client(null, null);

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(body.RootElement.GetProperty("checks").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void A_failed_check_shows_its_name_and_status_but_not_its_description_data_or_exception()
    {
        const string secret = "Server=db.internal;Password=Sup3r-Secret";
        var entries = new Dictionary<string, HealthReportEntry>
        {
            ["database"] = new(
                HealthStatus.Unhealthy,
                description: $"The database does not answer: {secret}",
                duration: TimeSpan.FromMilliseconds(12.3456),
                exception: new InvalidOperationException(secret),
                data: new Dictionary<string, object> { ["connection"] = secret }),
            ["cache"] = new(HealthStatus.Degraded, "slow " + secret, TimeSpan.FromMilliseconds(1), null, null),
        };

        var json = HealthResponseWriter.ToJson(new HealthReport(entries, TimeSpan.FromMilliseconds(13)));

        Assert.That(json, Is.EqualTo(
            """{"status":"Unhealthy","duration_ms":13,"checks":[{"name":"cache","status":"Degraded","duration_ms":1},{"name":"database","status":"Unhealthy","duration_ms":12.346}]}"""));
        Assert.That(json, Does.Not.Contain("Secret").And.Not.Contain("Server="));
    }
}
