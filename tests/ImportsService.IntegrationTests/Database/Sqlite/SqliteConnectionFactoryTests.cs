using System.Diagnostics;
using Dapper;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Database.Sqlite;

/// <summary>
/// The connection factory: foreign keys on, and cancellation that works. SqliteCommand.Cancel() does
/// nothing, so the factory interrupts the connection when the token fires.
/// A statement that would run for minutes must stop soon after cancellation.
/// </summary>
internal sealed class SqliteConnectionFactoryTests : SqliteDatabaseTest
{
    // Counts to a billion: minutes of work, and no table needed.
    private const string SlowStatement = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)
        SELECT COUNT(*) FROM n;
        """;

    [Test]
    public async Task Cancelling_the_token_interrupts_a_running_statement()
    {
        var connections = Database.Services.GetRequiredService<SqliteConnectionFactory>();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        var running = connections.RunAsync(
            connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(SlowStatement, cancellationToken: CancellationToken.None)),
            cancellation.Token);

        Assert.That(async () => await running, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "the statement ran on after cancellation");
    }

    [Test]
    public async Task Connections_enforce_the_schemas_foreign_keys()
    {
        var connections = Database.Services.GetRequiredService<SqliteConnectionFactory>();

        Assert.That(
            async () => await connections.RunAsync(
                c => c.ExecuteAsync("INSERT INTO imports (account_id, type, status, file_name, file_size, created_at, updated_at) VALUES (424242, 't', 0, 'f', 1, 0, 0);"),
                CancellationToken.None),
            Throws.InstanceOf<Microsoft.Data.Sqlite.SqliteException>().With.Message.Contains("FOREIGN KEY"));
    }

    [Test]
    public async Task A_connection_is_usable_again_after_an_interrupted_statement()
    {
        var connections = Database.Services.GetRequiredService<SqliteConnectionFactory>();
        using (var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
        {
            Assert.That(
                async () => await connections.RunAsync(c => c.ExecuteScalarAsync<long>(SlowStatement), cancellation.Token),
                Throws.InstanceOf<OperationCanceledException>());
        }

        var answer = await connections.RunAsync(c => c.ExecuteScalarAsync<long>("SELECT 42;"), CancellationToken.None);

        Assert.That(answer, Is.EqualTo(42));
    }
}
