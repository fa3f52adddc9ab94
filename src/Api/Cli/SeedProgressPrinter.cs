using System.Globalization;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Cli;

/// <summary>
/// Shows a seed's progress — rows, rows per second and the time left — the way the output can take it: on a
/// terminal one line rewritten in place (carriage return) at every report; redirected (a file, a pipe, CI) a
/// plain line every <see cref="PlainRowInterval"/> rows or <see cref="PlainTimeInterval"/>, whichever comes
/// first, and always at the end. Reports arrive synchronously from the seeder.
/// </summary>
internal sealed class SeedProgressPrinter : IProgress<SeedProgress>
{
    public const long PlainRowInterval = 100_000;

    public static readonly TimeSpan PlainTimeInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter output;
    private readonly bool terminal;
    private readonly TimeProvider time;
    private readonly long started;
    private long lastPrintedRows = -1;
    private long lastPrintedAt;
    private int lastWidth;

    public SeedProgressPrinter(TextWriter output, bool terminal, TimeProvider? time = null)
    {
        this.output = output ?? throw new ArgumentNullException(nameof(output));
        this.terminal = terminal;
        this.time = time ?? TimeProvider.System;
        started = lastPrintedAt = this.time.GetTimestamp();
    }

    public void Report(SeedProgress value)
    {
        var now = time.GetTimestamp();
        var line = Describe(value, time.GetElapsedTime(started, now));
        if (terminal)
        {
            // Pad over whatever the longer previous line left behind; end the line when the seed is done.
            output.Write("\r" + line.PadRight(lastWidth));
            lastWidth = line.Length;
            if (value.IsComplete)
            {
                output.WriteLine();
            }

            output.Flush();
            return;
        }

        var due = value.IsComplete
                  || value.Rows - Math.Max(lastPrintedRows, 0) >= PlainRowInterval
                  || time.GetElapsedTime(lastPrintedAt, now) >= PlainTimeInterval;
        if (due && value.Rows != lastPrintedRows)
        {
            output.WriteLine(line);
            output.Flush();
            lastPrintedRows = value.Rows;
            lastPrintedAt = now;
        }
    }

    /// <summary><c>seed: 300,000 / 1,000,000 rows (30%), 68,212 rows/s, ETA 0:10</c>; at the end the total time instead of the ETA.</summary>
    internal static string Describe(SeedProgress value, TimeSpan elapsed)
    {
        var percent = value.Total == 0 ? 100 : (int)(value.Rows * 100 / value.Total);
        var rate = elapsed > TimeSpan.Zero ? value.Rows / elapsed.TotalSeconds : 0;
        var rateText = rate > 0 ? string.Create(CultureInfo.InvariantCulture, $"{rate:N0} rows/s") : "— rows/s";
        var tail = value.IsComplete
            ? $"done in {Duration(elapsed)}"
            : rate > 0 ? $"ETA {Duration(TimeSpan.FromSeconds((value.Total - value.Rows) / rate))}" : "ETA —";
        return string.Create(CultureInfo.InvariantCulture, $"seed: {value.Rows:N0} / {value.Total:N0} rows ({percent}%), {rateText}, {tail}");
    }

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1
            ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : span.TotalSeconds >= 10 ? span.ToString(@"m\:ss", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
}
