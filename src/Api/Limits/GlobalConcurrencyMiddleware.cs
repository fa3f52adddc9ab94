using Microsoft.Extensions.Options;
using ImportsService.Api.Errors;
using ImportsService.Api.Observability;

namespace ImportsService.Api.Limits;

/// <summary>Holds every request (health excepted) to the instance's in-flight cap; 503 with Retry-After when no slot comes free in time.</summary>
internal sealed class GlobalConcurrencyMiddleware(RequestDelegate next, GlobalConcurrency concurrency, IOptions<RateLimitingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        if (!limits.Enabled || RateLimitingServiceCollectionExtensions.IsExempt(context))
        {
            await next(context);
            return;
        }

        using var slot = await concurrency.EnterAsync(context.RequestAborted);
        if (slot is null)
        {
            ApiMetrics.InstanceBusy();
            await ProblemResponses.WriteRetryLaterAsync(
                context,
                StatusCodes.Status503ServiceUnavailable,
                "Service Unavailable",
                RateLimitingServiceCollectionExtensions.Seconds(TimeSpan.FromSeconds(limits.BusyRetryAfterSeconds)),
                "The service is handling as many requests as it can.");
            return;
        }

        await next(context);
    }
}
