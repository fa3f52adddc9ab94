using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ImportsService.Api.Common;

public static class HealthEndpoints
{
    /// <summary>The tag of the checks readiness runs; Infrastructure tags its database check with it.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Liveness runs no check (the process answers); readiness runs the checks tagged "ready".</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return endpoints;
    }
}
