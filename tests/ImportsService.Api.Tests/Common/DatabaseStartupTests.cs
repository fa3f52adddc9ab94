using System.Diagnostics;
using ImportsService.Api.Database;
using Microsoft.Extensions.Configuration;

namespace ImportsService.Api.Tests.Common;

public sealed class DatabaseStartupTests
{
    private string scratch = null!;

    [SetUp]
    public void MakeScratchFolder()
    {
        scratch = Path.Combine(Path.GetTempPath(), $"imports-startup-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
    }

    [TearDown]
    public void RemoveScratchFolder() => Directory.Delete(scratch, recursive: true);

    [Test]
    public async Task A_sqlite_path_that_cannot_be_created_stops_the_service_with_exit_code_3_and_one_line()
    {
        // A regular file where a folder should be: not even root can create the database under it.
        var blocker = Path.Combine(scratch, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var databasePath = Path.Combine(blocker, "sub", "imports.db");

        var (exitCode, stderr, stdout) = await RunServiceAsync($"Data Source={databasePath}");

        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(exitCode, Is.EqualTo(DatabaseStartup.SqliteFileUnusableExitCode), stderr + stdout);
        Assert.That(lines, Has.Length.EqualTo(1), stderr);
        Assert.That(lines[0], Does.Contain(databasePath).And.Contain("ConnectionStrings__Imports"));
        Assert.That(stderr + stdout, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"));
    }

    [Test]
    public void A_creatable_path_is_no_problem_and_leaves_no_file_behind()
    {
        var databasePath = Path.Combine(scratch, "new-folder", "imports.db");

        var problem = DatabaseStartup.FindSqliteFileProblem(Configuration($"Data Source={databasePath}"));

        Assert.That(problem, Is.Null);
        Assert.That(File.Exists(databasePath), Is.False);
    }

    [Test]
    public void A_folder_in_place_of_the_file_is_a_problem()
    {
        var databasePath = Path.Combine(scratch, "imports.db");
        Directory.CreateDirectory(databasePath);

        Assert.That(DatabaseStartup.FindSqliteFileProblem(Configuration($"Data Source={databasePath}")), Does.Contain(databasePath));
    }

    [TestCase("Data Source=:memory:")]
    [TestCase("Data Source=anything;Mode=Memory")]
    public void In_memory_databases_are_not_checked(string connectionString) =>
        Assert.That(DatabaseStartup.FindSqliteFileProblem(Configuration(connectionString)), Is.Null);

    [Test]
    public void Sql_server_is_not_checked_here() =>
        Assert.That(DatabaseStartup.FindSqliteFileProblem(Configuration("Server=nowhere", provider: "SqlServer")), Is.Null);

    private static IConfiguration Configuration(string connectionString, string provider = "Sqlite") =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Imports"] = connectionString,
        }).Build();

    /// <summary>Runs the built service as its own process (the dll beside the tests) and waits for it to exit.</summary>
    private async Task<(int ExitCode, string Stderr, string Stdout)> RunServiceAsync(string connectionString)
    {
        try
        {
            var (exitCode, stdout, stderr) = await ServiceProcess.RunAsync(scratch, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ConnectionStrings__Imports"] = connectionString,
                ["Cursors__SigningKeys__0"] = ImportsApiFactory.ProductionSigningKey,
            });
            return (exitCode, stderr, stdout);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("The service did not stop within 60 seconds: it started despite the unusable database path.");
            throw;
        }
    }
}
