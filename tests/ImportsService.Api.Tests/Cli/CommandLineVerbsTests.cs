using ImportsService.Api.Cli;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests.Cli;

public sealed class CommandLineVerbsTests
{
    private string databasePath = null!;

    [SetUp]
    public void NewDatabase() => databasePath = Path.Combine(Path.GetTempPath(), $"imports-cli-tests-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    [Test]
    public async Task Seed_refuses_to_create_the_public_demo_keys_outside_development()
    {
        var (exit, error) = await RunAsync("Production", "seed", "--imports", "5");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.Contain(CommandLineVerbs.AllowDemoCredentials));
        Assert.That(await DemoKeysAsync(), Is.Zero);
    }

    [Test]
    public async Task Seed_outside_development_runs_when_the_demo_keys_are_explicitly_allowed()
    {
        var (exit, _) = await RunAsync("Production", "seed", "--imports", "5", CommandLineVerbs.AllowDemoCredentials);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        Assert.That(await DemoKeysAsync(), Is.EqualTo(3));
    }

    [Test]
    public async Task Seed_in_development_adds_the_imports_after_the_demo_tenants()
    {
        var (exit, _) = await RunAsync("Development", "seed", "--imports", "5");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM imports i JOIN accounts a ON a.id = i.account_id WHERE a.token = 'demo-account-token';";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(1_005L));
    }

    [TestCase("seed")]
    [TestCase("seed", "--imports", "0")]
    [TestCase("seed", "--imports", "many")]
    [TestCase("seed", "--imports", "5", "--force")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        var (exit, error) = await RunAsync("Development", args);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.Contain("Usage:"));
    }

    private async Task<(int Exit, string Error)> RunAsync(string environment, params string[] args)
    {
        var settings = new Dictionary<string, string> { ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey };
        await using var host = new ImportsApiFactory(databasePath, environment, settings);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLineVerbs.RunAsync(host.Services, args, output, error, CancellationToken.None);

        return (exit, error.ToString());
    }

    private async Task<long> DemoKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'api_keys';";
        if ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            return 0;
        }

        command.CommandText = "SELECT COUNT(*) FROM api_keys;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
