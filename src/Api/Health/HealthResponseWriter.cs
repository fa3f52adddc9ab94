using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImportsService.Api.Health;

/// <summary>
/// A health report as JSON: the overall status and, for each check, its name, status and duration in
/// milliseconds. Deliberately nothing else: a check's description, data and exception can carry server names,
/// connection details or messages, and the health endpoints are anonymous.
/// </summary>
internal static class HealthResponseWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = ContentType;
        await using var json = new Utf8JsonWriter(context.Response.Body);
        Write(json, report);
        await json.FlushAsync(context.RequestAborted);
    }

    internal static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("duration_ms", Milliseconds(report.TotalDuration));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("duration_ms", Milliseconds(entry.Duration));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Three decimals: microseconds are noise, and a fixed precision keeps the body short.
    private static double Milliseconds(TimeSpan duration) => Math.Round(duration.TotalMilliseconds, 3, MidpointRounding.AwayFromZero);

    internal static string ToJson(HealthReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
