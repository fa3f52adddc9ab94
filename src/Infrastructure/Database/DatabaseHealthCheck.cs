using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImportsService.Infrastructure.Database;

/// <summary>Readiness: the service is ready when its database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(IDatabaseProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await probe.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
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
