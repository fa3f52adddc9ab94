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

    [Test]
    public async Task Options_may_come_in_any_order()
    {
        var (exit, error) = await RunAsync("Production", "seed", CommandLineVerbs.AllowDemoCredentials, "--imports", "5");

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success), error);
        Assert.That(await DemoKeysAsync(), Is.EqualTo(3));
    }

    [TestCase("seed", CommandLineVerbs.AllowDemoCredentials, "--imports", "many")]
    [TestCase("seed", CommandLineVerbs.AllowDemoCredentials, "--imports", "1000001")]
    [TestCase("seed", CommandLineVerbs.AllowDemoCredentials, "--imports", "+5")]
    public async Task A_bad_count_is_named_with_the_range_the_option_takes(params string[] args)
    {
        // Production: the host seeds no demo tenants at start, so demo keys would mean the seed ran.
        var (exit, error) = await RunAsync("Production", args);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.BadArguments));
        Assert.That(error, Does.StartWith($"--imports takes a whole number from 1 to 1,000,000, not '{args[^1]}'."));
        Assert.That(await DemoKeysAsync(), Is.Zero, "nothing ran");
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("migrate", "--help")]
    [TestCase("seed", "--help")]
    [TestCase("seed", "--imports", "5", "-?")]
    [TestCase("keys", "--help")]
    [TestCase("keys", "create", "--help")]
    [TestCase("keys", "revoke", "--help")]
    public void Help_at_every_level_prints_the_usage_on_stdout_and_exits_0_without_services(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = CommandLineVerbs.AnswerWithoutServices(args, output, error);

        Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success));
        var verb = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
        Assert.That(output.ToString(), Does.Contain("Usage:").And.Contain(("ImportsService.Api " + verb).TrimEnd()));
        Assert.That(error.ToString(), Is.Empty);
    }

    [TestCase("seed", "--imports", "5")]
    [TestCase("migrate")]
    [TestCase("keys", "revoke", "--id", "3")]
    public void Arguments_that_run_a_verb_are_left_to_the_verb(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.That(CommandLineVerbs.AnswerWithoutServices(args, output, error), Is.Null);
        Assert.That(output.ToString() + error.ToString(), Is.Empty);
    }

    [TestCase("--help", ExpectedResult = true)]
    [TestCase("-?", ExpectedResult = true)]
    [TestCase("seed", ExpectedResult = true)]
    [TestCase("keys", ExpectedResult = true)]
    [TestCase("--urls", ExpectedResult = false)]
    [TestCase("Serilog:MinimumLevel:Default=Debug", ExpectedResult = false)]
    public bool The_first_argument_decides_between_a_verb_and_the_web_host(string first) => CommandLineVerbs.IsVerb([first]);

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
