using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImportsService.Infrastructure.Database;

/// <summary>Ready when the database answers a trivial query; Degraded (still 200) when it answers but is set up against a recommendation.</summary>
internal sealed class DatabaseHealthCheck(IDatabaseProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await probe.ProbeAsync(cancellationToken);
            return result.Warning is null
                ? HealthCheckResult.Healthy("The database answers.", result.Data)
                : HealthCheckResult.Degraded($"The database answers. {result.Warning}", data: result.Data);
        }
#pragma warning disable CA1031 // A health check reports every failure as unhealthy instead of throwing.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // The exception's type, not its message: messages can carry server names or connection details.
            return HealthCheckResult.Unhealthy($"The database does not answer ({exception.GetType().Name}).");
        }
    }
}
