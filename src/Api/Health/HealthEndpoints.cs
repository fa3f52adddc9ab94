using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ImportsService.Api.Health;

public static class HealthEndpoints
{
    /// <summary>The tag of the checks readiness runs; Infrastructure tags its database check with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Liveness runs no check (the process answers); readiness runs the checks tagged "ready". Both are
    /// anonymous (credentials sent to them are not read) and exempt from every rate limit and in-flight cap, and
    /// answer JSON (<see cref="HealthResponseWriter"/>): 200 Healthy or Degraded, 503 Unhealthy.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}
