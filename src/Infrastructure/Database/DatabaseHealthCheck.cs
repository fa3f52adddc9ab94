using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImportsService.Infrastructure.Database;

/// <summary>
/// Readiness: the service is ready when its database answers a trivial query. A database that answers but is
/// set up against the recommendations (e.g. SQL Server without READ_COMMITTED_SNAPSHOT) is Degraded: still
/// ready (200), with the reason in the description and the data.
/// </summary>
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
