using ImportsService.Api.Cli;
using ImportsService.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests.Cli;

/// <summary>
/// The seed verb's progress: rows, rows/s and ETA. Redirected output (files, pipes, CI, these tests) gets a
/// plain line every 100,000 rows or 5 seconds and one at the end; a terminal gets one line rewritten in place.
/// </summary>
public sealed class SeedProgressTests
{
    [Test]
    public void Redirected_output_gets_a_plain_line_every_100000_rows_and_at_the_end()
    {
        var clock = new ManualClock();
        using var output = new StringWriter();
        var printer = new SeedProgressPrinter(output, terminal: false, clock);

        for (var rows = 0; rows <= 250_000; rows += 20_000)
        {
            clock.Advance(TimeSpan.FromMilliseconds(400));
            printer.Report(new SeedProgress(rows, 250_000));
        }

        clock.Advance(TimeSpan.FromMilliseconds(200));
        printer.Report(new SeedProgress(250_000, 250_000));

        Assert.That(Lines(output), Is.EqualTo(new[]
        {
            "seed: 100,000 / 250,000 rows (40%), 41,667 rows/s, ETA 3.6 s",
            "seed: 200,000 / 250,000 rows (80%), 45,455 rows/s, ETA 1.1 s",
            "seed: 250,000 / 250,000 rows (100%), 46,296 rows/s, done in 5.4 s",
        }));
    }

    [Test]
    public void Redirected_output_gets_a_line_every_5_seconds_when_rows_come_slowly()
    {
        var clock = new ManualClock();
        using var output = new StringWriter();
        var printer = new SeedProgressPrinter(output, terminal: false, clock);

        for (var rows = 1_000; rows <= 12_000; rows += 1_000)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            printer.Report(new SeedProgress(rows, 1_000_000));
        }

        Assert.That(Lines(output), Is.EqualTo(new[]
        {
            "seed: 5,000 / 1,000,000 rows (0%), 1,000 rows/s, ETA 16:35",
            "seed: 10,000 / 1,000,000 rows (1%), 1,000 rows/s, ETA 16:30",
        }));
    }

    [Test]
    public void A_terminal_gets_one_line_rewritten_in_place_and_ended_when_the_seed_is_done()
    {
        var clock = new ManualClock();
        using var output = new StringWriter();
        var printer = new SeedProgressPrinter(output, terminal: true, clock);

        clock.Advance(TimeSpan.FromSeconds(1));
        printer.Report(new SeedProgress(20_000, 40_000));
        clock.Advance(TimeSpan.FromSeconds(1));
        printer.Report(new SeedProgress(40_000, 40_000));

        var text = output.ToString();
        Assert.That(text, Does.StartWith("\rseed: 20,000 / 40,000 rows (50%), 20,000 rows/s, ETA 1.0 s"));
        Assert.That(text, Does.Contain("\rseed: 40,000 / 40,000 rows (100%), 20,000 rows/s, done in 2.0 s"));
        Assert.That(text.TrimEnd('\r', '\n').Split('\n'), Has.Length.EqualTo(1), "one line, rewritten");
        Assert.That(text, Does.EndWith(Environment.NewLine));
    }

    [Test]
    public void A_shorter_line_blanks_what_the_longer_one_before_it_left_on_a_terminal()
    {
        var clock = new ManualClock();
        using var output = new StringWriter();
        var printer = new SeedProgressPrinter(output, terminal: true, clock);

        printer.Report(new SeedProgress(0, 1_000_000));
        clock.Advance(TimeSpan.FromSeconds(1));
        printer.Report(new SeedProgress(1, 2));

        var writes = output.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(writes[1].Length, Is.GreaterThanOrEqualTo(writes[0].Length));
    }

    [Test]
    public async Task The_seed_verb_prints_plain_progress_lines_before_its_summary_when_redirected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imports-seed-progress-{Guid.NewGuid():N}.db");
        try
        {
            await using var host = new ImportsApiFactory(path);
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = await CommandLineVerbs.RunAsync(host.Services, ["seed", "--imports", "25"], output, error, CancellationToken.None);

            Assert.That(exit, Is.EqualTo(CommandLineVerbs.Success), error.ToString());
            var lines = Lines(output);
            Assert.That(lines, Has.Length.EqualTo(2));
            Assert.That(lines[0], Does.Match(@"^seed: 25 / 25 rows \(100%\), [0-9,]+ rows/s, done in [0-9.]+ s$"));
            Assert.That(lines[1], Does.StartWith("Database migrated; added 25 imports"));
            Assert.That(output.ToString(), Does.Not.Contain("\r"));
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

    private static string[] Lines(StringWriter output) => output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
