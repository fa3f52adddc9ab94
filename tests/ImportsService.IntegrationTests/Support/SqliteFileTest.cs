using DbUp;
using DbUp.Engine;
using ImportsService.Application;
using ImportsService.Infrastructure;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// A SQLite file of its own for each test (no pooling, deleted afterwards), for tests of migrations: bring it to
/// what an earlier release left (<see cref="ApplyScriptsBefore"/>), then migrate it as the service does.
/// </summary>
internal abstract class SqliteFileTest
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "imports-sqlite-file-tests-" + Guid.NewGuid().ToString("N"));

    protected string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "imports.db"), Pooling = false }.ToString();

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(folder);

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Applies, and journals under their released names, the scripts numbered before <paramref name="number"/>
    /// (e.g. "0003"), as the releases before it did; returns how many.
    /// </summary>
    protected int ApplyScriptsBefore(string number)
    {
        var scripts = SqliteDatabaseMigrator.Scripts()
            .Where(s => string.CompareOrdinal(s.Name, SqliteDatabaseMigrator.JournalPrefix + number) < 0)
            .ToArray();
        var result = DeployChanges.To
            .SqliteDatabase(ConnectionString)
            .WithScripts(scripts.Select(s => new SqlScript(s.Name, s.Contents)))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.That(result.Successful, Is.True, result.Error?.ToString());
        return scripts.Length;
    }

    /// <summary>The service's own wiring on this file (the provider Sqlite).</summary>
    protected ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Imports"] = ConnectionString,
        }).Build();
        return new ServiceCollection().AddLogging()
            .AddApplication(cursors => cursors.SigningKeys.Add(TestDatabase.SigningKey), apiKeys => apiKeys.Pepper.Add(TestDatabase.Pepper))
            .AddInfrastructure(configuration).BuildServiceProvider();
    }

    /// <summary>Migrates the file as the service does at start-up.</summary>
    protected async Task MigrateAsync()
    {
        await using var services = Services();
        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
    }

    protected async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
