using System.Globalization;
using ImportsService.Api.Access;
using Microsoft.Extensions.Options;
using ImportsService.Api.Errors;
using ImportsService.Api.Observability;

namespace ImportsService.Api.Limits;

/// <summary>
/// After authorization, for requests with an account: takes a token from the account's bucket (429 with
/// Retry-After when it is empty), puts the RateLimit headers on the response whatever its status, and
/// holds the request to the account's in-flight cap (429 with Retry-After beyond it).
/// </summary>
internal sealed class AccountLimitsMiddleware(
    RequestDelegate next,
    ITokenBuckets buckets,
    AccountRatePlans plans,
    AccountConcurrency concurrency,
    IOptions<RateLimitingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        if (!limits.Enabled
            || RateLimitingServiceCollectionExtensions.IsExempt(context)
            || context.User.FindFirst(AccessClaims.AccountId)?.Value is not { } accountClaim
            || !long.TryParse(accountClaim, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId))
        {
            await next(context);
            return;
        }

        var plan = plans.Resolve(accountId, context.User);
        var take = await buckets.TakeAsync($"account:{accountId}", plan.Shape, 1, context.RequestAborted);

        // On starting, not now: the exception handler clears headers before it writes a 400 or 503.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RateLimitHeaders.PolicyHeader] = RateLimitHeaders.Policy(plan);
            if (take.Remaining is { } remaining)
            {
                context.Response.Headers[RateLimitHeaders.RateLimitHeader] = RateLimitHeaders.RateLimit(plan, remaining);
            }

            return Task.CompletedTask;
        });

        if (!take.Taken)
        {
            ApiMetrics.RateLimited(ApiMetrics.AccountRate);
            await ProblemResponses.WriteRetryLaterAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                "Too Many Requests",
                RateLimitingServiceCollectionExtensions.Seconds(take.RetryAfter),
                string.Create(CultureInfo.InvariantCulture,
                    $"This account may make {plan.PermitsPerWindow} requests every {plan.WindowSeconds} seconds (policy \"{plan.Policy}\")."));
            return;
        }

        using var slot = concurrency.TryEnter(accountId);
        if (slot is null)
        {
            ApiMetrics.RateLimited(ApiMetrics.AccountInFlight);
            await ProblemResponses.WriteRetryLaterAsync(
                context,
                StatusCodes.Status429TooManyRequests,
                "Too Many Requests",
                RateLimitingServiceCollectionExtensions.Seconds(TimeSpan.FromSeconds(limits.BusyRetryAfterSeconds)),
                string.Create(CultureInfo.InvariantCulture,
                    $"This account already has {limits.MaxConcurrentRequestsPerAccount} requests in flight, the most it may have at once."));
            return;
        }

        await next(context);
    }
}
