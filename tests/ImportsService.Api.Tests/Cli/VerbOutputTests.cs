using System.Text.RegularExpressions;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.Cli;

/// <summary>
/// A verb run as a process writes its result alone on stdout and every log line to stderr, so
/// <c>KEY=$(… keys create …)</c> captures the key and nothing else, even on a run that migrates the database.
/// </summary>
public sealed partial class VerbOutputTests
{
    private string scratch = null!;
    private Dictionary<string, string> environment = null!;

    [SetUp]
    public void MakeScratchFolder()
    {
        scratch = Directory.CreateTempSubdirectory("imports-verbs-").FullName;
        environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Imports"] = $"Data Source={Path.Combine(scratch, "imports.db")}",
        };
    }

    [TearDown]
    public void RemoveScratchFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(scratch, recursive: true);
    }

    [Test]
    public async Task A_verb_that_migrates_writes_only_its_result_on_stdout_and_the_migration_log_on_stderr()
    {
        var (exitCode, stdout, stderr) = await ServiceProcess.RunAsync(scratch, environment, "migrate");

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo("Database migrated." + Environment.NewLine));
        Assert.That(stderr, Does.Contain("Applied migration"));
    }

    [Test]
    public async Task Keys_create_prints_the_key_alone_on_stdout()
    {
        var seeded = await ServiceProcess.RunAsync(scratch, environment, "seed", "--imports", "1");
        Assert.That(seeded.ExitCode, Is.Zero, seeded.Stderr);

        var (exitCode, stdout, stderr) = await ServiceProcess.RunAsync(scratch, environment, "keys", "create", "--account-token", DemoTenants.DemoAccountToken, "--name", "Nightly sync");

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(IssuedKeyLine().IsMatch(stdout), Is.True, stdout);
        Assert.That(stderr, Does.Contain("Created API key"));
    }

    [TestCase("--help")]
    [TestCase("keys", "create", "--help")]
    public async Task Help_exits_0_with_the_usage_on_stdout_and_starts_no_server(params string[] args)
    {
        // Production and an unusable database: help must not reach the host's checks, let alone listen.
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ConnectionStrings__Imports"] = $"Data Source={Path.Combine(scratch, "no-such-folder", "imports.db")}";

        var (exitCode, stdout, stderr) = await ServiceProcess.RunAsync(scratch, environment, args);

        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("Usage:").And.Not.Contain("Now listening"));
        Assert.That(stderr, Is.Empty);
    }

    [Test]
    public async Task Bad_arguments_exit_2_with_the_reason_and_usage_on_stderr_and_nothing_on_stdout()
    {
        var (exitCode, stdout, stderr) = await ServiceProcess.RunAsync(scratch, environment, "seed", "--imports", "many");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.StartWith("--imports takes a whole number").And.Contain("Usage:"));
    }

    [GeneratedRegex(@"\Afleet_live_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}\n\z")]
    private static partial Regex IssuedKeyLine();
}
