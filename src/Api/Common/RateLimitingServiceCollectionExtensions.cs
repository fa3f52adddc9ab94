using System.Globalization;
using System.Threading.RateLimiting;
using ImportsService.Api.Access;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Common;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>The policy imports endpoints carry: a fixed window of requests per authenticated account.</summary>
    public const string PerAccountPolicy = "PerAccount";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .Validate(o => o.PermitsPerWindow >= 1 && o.WindowSeconds >= 1 && o.PermitsPerClientPerWindow >= 1,
                $"{RateLimitingOptions.SectionName}:PermitsPerWindow, :PermitsPerClientPerWindow and :WindowSeconds must be at least 1.")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PerAccountPolicy, context =>
            {
                // The policy runs after authorization, so the account claim is there; anything else is not limited here.
                var accountId = context.User.FindFirst(AccessClaims.AccountId)?.Value;
                if (accountId is null)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(accountId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            // Runs where UseRateLimiter stands before authentication: nobody is authenticated yet, so every
            // request counts against its client address. Where it stands again after authorization,
            // authenticated requests pass this limiter and meet the per-account policy instead.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitsPerClientPerWindow,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, _) =>
            {
                var limits = context.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
                var perAccount = context.HttpContext.User.Identity?.IsAuthenticated == true;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limits.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(retryAfter, 1).ToString(CultureInfo.InvariantCulture);
                await ProblemResponses.WriteAsync(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Too Many Requests",
                    (perAccount
                        ? $"This account may make {limits.PermitsPerWindow} requests every {limits.WindowSeconds} seconds. "
                        : $"This client address may make {limits.PermitsPerClientPerWindow} requests every {limits.WindowSeconds} seconds. ") +
                    "Retry after the number of seconds in the Retry-After header.");
            };
        });
        return services;
    }
}
