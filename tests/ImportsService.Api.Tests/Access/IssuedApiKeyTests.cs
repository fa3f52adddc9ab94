using System.Net;
using ImportsService.Api.Cli;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests.Access;

/// <summary>Issued keys over HTTP, and the pepper the service needs to issue and check them.</summary>
public sealed class IssuedApiKeyTests
{
    [Test]
    public async Task A_key_with_the_issued_prefix_but_a_wrong_checksum_is_a_401_like_an_unknown_key()
    {
        using var client = ApiHost.Client("fleet_live_0123456789ABCDEFGHIJKLMNOPQRSTUV_000000", DemoTenants.DemoAccountToken);
        using var response = await client.GetAsync(ApiHost.ImportsPath);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized, ApiHost.ImportsPath);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("unknown or has been revoked"));
    }

    [Test]
    public void Outside_development_start_up_fails_without_an_api_key_pepper_and_says_how_to_set_one()
    {
        using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            environment: "Production",
            settings: new Dictionary<string, string>
            {
                ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey,
                ["ApiKeys:Pepper:0"] = string.Empty,
            });

        var failure = Assert.Catch(() => _ = host.Server);

        Assert.That(Messages(failure), Does.Contain("ApiKeys__Pepper__0"));
    }

    [Test]
    public void Outside_development_a_short_pepper_is_refused_too()
    {
        using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            environment: "Production",
            settings: new Dictionary<string, string>
            {
                ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey,
                ["ApiKeys:Pepper:0"] = "short",
            });

        var failure = Assert.Catch(() => _ = host.Server);

        Assert.That(Messages(failure), Does.Contain("at least 32 bytes"));
    }

    [Test]
    public async Task In_production_a_key_created_with_the_configured_pepper_authenticates_and_the_demo_keys_are_absent()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imports-production-keys-{Guid.NewGuid():N}.db");
        try
        {
            var settings = new Dictionary<string, string> { ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey };
            await using var host = new ImportsApiFactory(path, environment: "Production", settings: settings);
            _ = host.Server; // migrates the new file
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO accounts (token, name) VALUES ('prod-account', 'Prod');";
                await command.ExecuteNonQueryAsync();
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CommandLineVerbs.RunAsync(host.Services, ["keys", "create", "--account-token", "prod-account"], output, error, CancellationToken.None);
            Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success), error.ToString());

            using var issued = ApiHost.Client(output.ToString().Trim(), "prod-account", host);
            using var demo = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
            Assert.That((await issued.GetAsync(ApiHost.ImportsPath)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await demo.GetAsync(ApiHost.ImportsPath)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "Production seeds no demo tenants");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static string Messages(Exception? exception)
    {
        var messages = new List<string>();
        for (; exception is not null; exception = exception.InnerException)
        {
            messages.Add(exception.Message);
        }

        return string.Join(" | ", messages);
    }
}
