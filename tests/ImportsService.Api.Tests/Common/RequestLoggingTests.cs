using System.Net;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ImportsService.Api.Tests.Common;

public sealed class RequestLoggingTests
{
    [Test]
    public async Task Each_request_is_logged_with_its_trace_id_and_account_but_never_its_credentials()
    {
        var logs = new LogCapture();
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" },
            configureServices: services => services.AddSingleton<ILogEventSink>(logs));
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var ok = await client.GetAsync($"{ApiHost.ImportsPath}?per_page=2");
        using var unauthorized = await ApiHost.Client("a-wrong-secret-key", DemoTenants.DemoAccountToken, host).GetAsync(ApiHost.ImportsPath);

        var written = logs.Rendered();
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(written, Does.Contain("/api/v1/imports").And.Contain("TraceId=").And.Contain("AccountId="));
        Assert.That(written, Does.Not.Contain(DemoTenants.DemoApiKey).And.Not.Contain("a-wrong-secret-key").And.Not.Contain(DemoTenants.DemoAccountToken));
    }
}
