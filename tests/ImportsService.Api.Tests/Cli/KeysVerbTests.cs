using ImportsService.Application.Access.ApiKeys;
using System.Net;
using ImportsService.Api.Cli;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace ImportsService.Api.Tests.Cli;

/// <summary>
/// <c>keys create|revoke</c> against a service of its own: the key is printed once, alone on stdout, works over
/// HTTP until it is revoked, and never reaches a log.
/// </summary>
public sealed class KeysVerbTests
{
    private string databasePath = null!;
    private LogCapture logs = null!;
    private ImportsApiFactory host = null!;

    [SetUp]
    public void StartService()
    {
        databasePath = Path.Combine(Path.GetTempPath(), $"imports-keys-tests-{Guid.NewGuid():N}.db");
        logs = new LogCapture();
        var captured = logs;
        host = new ImportsApiFactory(
            databasePath,
            // The cache off: these tests revoke a key and expect the very next request to see it
            // (the revocation delay the cache adds has its own tests, CallerCacheTests).
            settings: new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Verbose", ["Access:CallerCache:Seconds"] = "0" },
            configureServices: services => services.AddSingleton<ILogEventSink>(captured));
        _ = host.Server;
    }

    [TearDown]
    public void StopService()
    {
        host.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    [Test]
    public async Task Create_prints_the_key_once_alone_on_stdout_and_it_reads_the_accounts_imports()
    {
        var (exit, output, error) = await RunAsync("keys", "create", "--account-token", DemoTenants.OtherAccountToken, "--name", "Ops robot");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success), error);
        var key = output.TrimEnd('\n', '\r');
        Assert.That(ApiKeyFormat.Classify(key), Is.EqualTo(ApiKeyKind.Issued), "stdout holds the key and nothing else");
        Assert.That(error, Does.Contain("Created API key").And.Contain("may read").And.Not.Contain(key));
        using var client = ApiHost.Client(key, DemoTenants.OtherAccountToken, host);
        using var response = await client.GetAsync(ApiHost.ImportsPath + "?per_page=2");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_key_appears_in_no_log_event()
    {
        var (_, output, _) = await RunAsync("keys", "create", "--account-token", DemoTenants.DemoAccountToken);
        var key = output.Trim();
        using var client = ApiHost.Client(key, DemoTenants.DemoAccountToken, host);
        using var ok = await client.GetAsync(ApiHost.ImportsPath);
        await RunAsync("keys", "revoke", "--key", key);
        using var refused = await client.GetAsync(ApiHost.ImportsPath);

        var written = logs.Rendered();
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(written, Does.Contain("/api/v1/imports"), "the capture sees the requests at every level");
        Assert.That(written, Does.Not.Contain(key).And.Not.Contain(key[ApiKeyFormat.Prefix.Length..^7]));
    }

    [Test]
    public async Task A_key_created_without_read_access_is_forbidden()
    {
        var (exit, output, error) = await RunAsync("keys", "create", "--account-token", DemoTenants.DemoAccountToken, "--no-read");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        Assert.That(error, Does.Contain("may not read"));
        using var client = ApiHost.Client(output.Trim(), DemoTenants.DemoAccountToken, host);
        using var response = await client.GetAsync(ApiHost.ImportsPath);
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, ApiHost.ImportsPath);
    }

    [Test]
    public async Task Revoke_by_key_answers_401_from_the_next_request_and_a_second_revoke_finds_nothing()
    {
        var key = (await RunAsync("keys", "create", "--account-token", DemoTenants.DemoAccountToken)).Output.Trim();

        var (exit, output, _) = await RunAsync("keys", "revoke", "--key", key);
        var (again, _, error) = await RunAsync("keys", "revoke", "--key", key);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        Assert.That(output, Does.Contain("Revoked"));
        Assert.That(again, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.Contain("nothing was revoked"));
        using var client = ApiHost.Client(key, DemoTenants.DemoAccountToken, host);
        using var response = await client.GetAsync(ApiHost.ImportsPath);
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
    }

    [Test]
    public async Task Revoke_by_the_id_create_printed()
    {
        var (_, output, error) = await RunAsync("keys", "create", "--account-token", DemoTenants.DemoAccountToken);
        var id = System.Text.RegularExpressions.Regex.Match(error, @"keys revoke --id (\d+)").Groups[1].Value;

        var (exit, _, _) = await RunAsync("keys", "revoke", "--id", id);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        using var client = ApiHost.Client(output.Trim(), DemoTenants.DemoAccountToken, host);
        using var response = await client.GetAsync(ApiHost.ImportsPath);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_demo_keys_keep_working_beside_issued_keys_and_can_be_revoked_like_them()
    {
        await RunAsync("keys", "create", "--account-token", DemoTenants.DemoAccountToken);
        using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        using (var response = await demo.GetAsync(ApiHost.ImportsPath))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var (exit, _, _) = await RunAsync("keys", "revoke", "--key", DemoTenants.DemoApiKey);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        using var revoked = await demo.GetAsync(ApiHost.ImportsPath);
        Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unknown_account_is_refused_and_nothing_is_printed_on_stdout()
    {
        var (exit, output, error) = await RunAsync("keys", "create", "--account-token", "no-such-account");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("No account has this account token"));
    }

    [Test]
    public async Task A_malformed_key_is_refused_by_revoke_without_touching_the_database()
    {
        var (exit, _, error) = await RunAsync("keys", "revoke", "--key", "fleet_live_0123456789ABCDEFGHIJKLMNOPQRSTUV_000000");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.Contain("--key").And.Contain("checksum"));
    }

    [TestCase("keys")]
    [TestCase("keys", "create")]
    [TestCase("keys", "create", "--name", "x")]
    [TestCase("keys", "create", "--account-token")]
    [TestCase("keys", "create", "--account-token", "a", "--account-token", "b")]
    [TestCase("keys", "create", "--account-token", "a", "--admin")]
    [TestCase("keys", "revoke")]
    [TestCase("keys", "delete", "--id", "1")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.Contain("Usage:").And.Contain("ImportsService.Api keys"));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task An_id_that_is_not_a_number_is_refused()
    {
        var (exit, _, error) = await RunAsync("keys", "revoke", "--id", "seven");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.Contain("--id takes a positive whole number, not 'seven'."));
    }

    [Test]
    public void A_verb_sends_every_console_log_event_to_stderr_so_stdout_holds_only_its_result()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:1:Name"] = "Console",
            ["Serilog:WriteTo:1:Args:outputTemplate"] = "{Message}",
        }).Build();

        CommandLineVerbs.SendConsoleLogsToStandardError(configuration);

        Assert.That(configuration["Serilog:WriteTo:1:Args:standardErrorFromLevel"], Is.EqualTo("Verbose"));
        Assert.That(configuration["Serilog:WriteTo:1:Args:outputTemplate"], Is.EqualTo("{Message}"));
        Assert.That(configuration["Serilog:WriteTo:0:Args:standardErrorFromLevel"], Is.Null);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLineVerbs.RunAsync(host.Services, args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
