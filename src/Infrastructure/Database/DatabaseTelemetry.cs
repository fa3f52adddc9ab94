using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Common.Telemetry;

namespace ImportsService.Infrastructure.Database;

/// <summary>
/// Time spent in the database per unit of work (a page's statements, one import, a caller look-up, a probe), for
/// both dialects, and a span around each SQLite one: SQLite has no instrumentation package, while SqlClient's
/// instrumentation already traces every SQL Server command. Labels: the dialect, the adapter that read (its class
/// name, a set fixed by the code) and the outcome.
/// </summary>
internal static class DatabaseTelemetry
{
    public const string Sqlite = "sqlite";
    public const string SqlServer = "microsoft.sql_server";

    private static readonly Meter Meter = new(ServiceTelemetry.Name);
    private static readonly ActivitySource Source = new(ServiceTelemetry.Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "imports.db.duration",
        unit: "s",
        description: "Time spent in the database per unit of work (one or two statements on one connection), by dialect, operation and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly ConcurrentDictionary<string, string> Operations = new(StringComparer.Ordinal);

    /// <summary>The adapter's name from the file that called, e.g. <c>SqliteImportPageReader</c> (once per file, not per request).</summary>
    public static string Operation(string callerFilePath) =>
        Operations.GetOrAdd(callerFilePath, static path =>
            Path.GetFileNameWithoutExtension(path.Replace('\\', '/').Split('/')[^1]) is { Length: > 0 } name ? name : "unknown");

    public static async Task<T> MeasureAsync<T>(string system, string operation, Func<Task<T>> work)
    {
        using var activity = system == Sqlite ? Source.StartActivity($"{Sqlite} {operation}", ActivityKind.Client) : null;
        activity?.SetTag("db.system.name", system);
        activity?.SetTag("db.operation.name", operation);
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        try
        {
            var result = await work();
            outcome = "ok";
            return result;
        }
        catch (Exception exception)
        {
            outcome = exception switch
            {
                QueryTooExpensiveException => "too_expensive",
                OperationCanceledException => "cancelled",
                DatabaseUnavailableException => "unavailable",
                _ => "error",
            };
            // The type only: a database message can name servers or values.
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
        finally
        {
            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("db.system.name", system),
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("outcome", outcome));
            activity?.SetTag("outcome", outcome);
        }
    }
}
