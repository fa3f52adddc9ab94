using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace ImportsService.IntegrationTests.Database.SqlServer;

/// <summary>
/// Without a server: what the service does with the answer to "is READ_COMMITTED_SNAPSHOT on?" — a warning
/// logged once per process, and a ready check that stays ready (Degraded, 200) with the reason and the value.
/// </summary>
internal sealed class ReadCommittedSnapshotTests
{
    [Test]
    public void Off_is_logged_once_as_a_warning_that_says_how_to_turn_it_on()
    {
        var logger = new ListLogger<ReadCommittedSnapshotCheck>();
        var check = new ReadCommittedSnapshotCheck(logger);

        check.Report(on: false);
        check.Report(on: false);
        check.Report(on: true);

        Assert.That(logger.Entries, Has.Count.EqualTo(1));
        Assert.That(logger.Entries[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(logger.Entries[0].Message, Does.Contain("READ_COMMITTED_SNAPSHOT is OFF").And.Contain("SET READ_COMMITTED_SNAPSHOT ON"));
    }

    [Test]
    public void On_logs_nothing_and_reports_no_warning()
    {
        var logger = new ListLogger<ReadCommittedSnapshotCheck>();

        var result = new ReadCommittedSnapshotCheck(logger).Report(on: true);

        Assert.That(logger.Entries, Is.Empty);
        Assert.That(result.Warning, Is.Null);
        Assert.That(result.Data[ReadCommittedSnapshotCheck.DataKey], Is.EqualTo(true));
    }

    [Test]
    public async Task The_ready_check_is_degraded_with_the_reason_and_the_value_when_it_is_off()
    {
        var probe = new FixedProbe(new ReadCommittedSnapshotCheck(new ListLogger<ReadCommittedSnapshotCheck>()).Report(on: false));

        var result = await new DatabaseHealthCheck(probe).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Degraded), "still ready: the database answers");
        Assert.That(result.Description, Does.StartWith("The database answers.").And.Contain("READ_COMMITTED_SNAPSHOT is OFF"));
        Assert.That(result.Data["read_committed_snapshot"], Is.EqualTo(false));
    }

    [Test]
    public async Task The_ready_check_is_healthy_when_it_is_on()
    {
        var probe = new FixedProbe(new ReadCommittedSnapshotCheck(new ListLogger<ReadCommittedSnapshotCheck>()).Report(on: true));

        var result = await new DatabaseHealthCheck(probe).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That(result.Description, Is.EqualTo("The database answers."));
        Assert.That(result.Data["read_committed_snapshot"], Is.EqualTo(true));
    }

    private sealed class FixedProbe(DatabaseProbeResult result) : IDatabaseProbe
    {
        public Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(result);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
