using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ImportsService.Api.Health;

public static class HealthEndpoints
{
    /// <summary>The tag of the checks readiness runs; Infrastructure tags its database check with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Liveness runs no check (the process answers); readiness runs the checks tagged "ready". Both are
    /// anonymous (credentials sent to them are not read) and exempt from every rate limit and in-flight cap.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}
