using System.Diagnostics;
using Dapper;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ImportsService.Infrastructure;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// The statement time budget (<c>Database:StatementTimeoutMs</c>) on SQLite: a timer interrupts the connection
/// (<c>sqlite3_interrupt</c>) once the budget is spent, so an expensive statement becomes
/// <see cref="QueryTooExpensiveException"/> within about the budget instead of holding a worker for minutes.
/// </summary>
internal sealed class SqliteStatementBudgetTests : SqliteDatabaseTest
{
    // Counts to a billion: minutes of work, and no table needed.
    private const string SlowStatement = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)
        SELECT COUNT(*) FROM n;
        """;

    private static readonly TimeSpan TinyBudget = TimeSpan.FromMilliseconds(150);

    [Test]
    public async Task A_statement_past_the_budget_is_interrupted_and_reported_as_too_expensive()
    {
        var connections = new SqliteConnectionFactory(Database.ConnectionString, TinyBudget);
        var clock = Stopwatch.StartNew();

        var exception = Assert.CatchAsync(() => connections.RunAsync(c => c.ExecuteScalarAsync<long>(SlowStatement), CancellationToken.None));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the statement ran on past its budget");
        Assert.That(exception, Is.TypeOf<QueryTooExpensiveException>(), exception?.ToString());
        var tooExpensive = (QueryTooExpensiveException)exception!;
        Assert.That(tooExpensive.Budget, Is.EqualTo(TinyBudget));
        Assert.That(tooExpensive.InnerException, Is.TypeOf<SqliteException>().With.Property(nameof(SqliteException.SqliteErrorCode)).EqualTo(9), "SQLITE_INTERRUPT");
        Assert.That(tooExpensive.Message, Does.Contain("150 ms"));
    }

    [Test]
    public async Task A_statement_within_the_budget_runs_and_the_connection_is_usable_after_an_interrupt()
    {
        var pooled = new SqliteConnectionStringBuilder(Database.ConnectionString) { Pooling = true }.ToString();
        var connections = new SqliteConnectionFactory(pooled, TinyBudget);
        Assert.That(async () => await connections.RunAsync(c => c.ExecuteScalarAsync<long>(SlowStatement), CancellationToken.None), Throws.TypeOf<QueryTooExpensiveException>());

        // A late timer must not interrupt the next unit of work on the same (pooled) connection.
        for (var i = 0; i < 5; i++)
        {
            var answer = await connections.RunAsync(c => c.ExecuteScalarAsync<long>("SELECT 42;"), CancellationToken.None);
            Assert.That(answer, Is.EqualTo(42));
        }
    }

    [Test]
    public async Task A_cancelled_request_is_still_cancelled_not_too_expensive()
    {
        var connections = new SqliteConnectionFactory(Database.ConnectionString, TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var exception = Assert.CatchAsync(() => connections.RunAsync(c => c.ExecuteScalarAsync<long>(SlowStatement), cancellation.Token));

        Assert.That(exception, Is.InstanceOf<OperationCanceledException>(), exception?.ToString());
    }

    [Test]
    public async Task Without_a_budget_nothing_interrupts_a_statement()
    {
        var connections = new SqliteConnectionFactory(Database.ConnectionString, statementBudget: null);

        // A fraction of a second of counting: longer than the tiny budget, far shorter than a test's patience.
        var count = await connections.RunAsync(
            c => c.ExecuteScalarAsync<long>("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT COUNT(*) FROM n;"),
            CancellationToken.None);

        Assert.That(count, Is.EqualTo(1_000_000));
    }

    [Test]
    public async Task The_configured_budget_reaches_the_connection_factory_every_reader_uses()
    {
        var settings = Database.Settings();
        Assert.That(Database.Services.GetRequiredService<SqliteConnectionFactory>().StatementBudget, Is.EqualTo(TimeSpan.FromMilliseconds(2_000)), "the default");

        settings["Database:StatementTimeoutMs"] = "150";
        await using var configured = Build(settings);
        settings["Database:StatementTimeoutMs"] = "0";
        await using var off = Build(settings);

        Assert.That(configured.GetRequiredService<SqliteConnectionFactory>().StatementBudget, Is.EqualTo(TinyBudget));
        Assert.That(off.GetRequiredService<SqliteConnectionFactory>().StatementBudget, Is.Null);
    }

    private static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddInfrastructure(configuration).BuildServiceProvider();
    }
}
