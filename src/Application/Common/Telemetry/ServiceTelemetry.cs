using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ImportsService.Application.Common.Telemetry;

/// <summary>
/// The name of the service's own <see cref="Meter"/> and <see cref="ActivitySource"/>, which every layer that
/// records something creates under (the telemetry setup subscribes to this one name), and the application's instruments.
/// Labels are bounded sets of words the code chooses: never an account, token, key or cursor (cardinality and privacy).
/// </summary>
public static class ServiceTelemetry
{
    public const string Name = "ImportsService";

    private static readonly Meter Meter = new(Name);

    /// <summary>Cursors that failed verification, by <c>reason</c>: <c>malformed</c>, <c>signature</c> or <c>content</c>.</summary>
    internal static readonly Counter<long> CursorsRejected = Meter.CreateCounter<long>(
        "imports.cursors.rejected", unit: "{cursor}", description: "Cursors that failed verification (400), by reason.");
}
