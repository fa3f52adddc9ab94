using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using ImportsService.Api.Logging;

namespace ImportsService.Api.Limits;

/// <summary>
/// Every limit of the service, in one design (see <see cref="RateLimitingOptions"/>):
/// <list type="number">
/// <item><see cref="UseGlobalConcurrencyLimit"/> early: a cap on requests in flight on this instance, with a short
/// queue, then 503. It runs before authentication, so a flood never reaches the database.</item>
/// <item>In authentication (<see cref="FailedAuthenticationBudget"/>): failed authentications per client address.</item>
/// <item><see cref="UseAccountLimits"/> after authorization: the account's token bucket (429 with RateLimit
/// headers on every authenticated response) and its in-flight cap (429).</item>
/// </list>
/// Each runs once per request; endpoints marked <c>DisableRateLimiting</c> (health) skip all of them.
/// With <c>ConnectionStrings:Redis</c> the token buckets live in Redis and every instance shares them; the
/// in-flight caps are per instance.
/// </summary>
public static class RateLimitingServiceCollectionExtensions
{
    public const string RedisConnectionStringName = "Redis";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddOptions<RequestLoggingOptions>()
            .BindConfiguration(RequestLoggingOptions.SectionName)
            .Validate(o => o.AuthenticationFailureIntervalSeconds >= 0, "RequestLogging:AuthenticationFailureIntervalSeconds must be at least 0.")
            .Validate(o => o.SampledRequestIntervalSeconds >= 0, "RequestLogging:SampledRequestIntervalSeconds must be at least 0.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountRatePlans>();
        services.AddSingleton<AccountConcurrency>();
        services.AddSingleton<GlobalConcurrency>();
        services.AddSingleton<ITokenBuckets>(CreateTokenBuckets);
        return services;
    }

    public static IApplicationBuilder UseGlobalConcurrencyLimit(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Connect to Redis (when configured) at start-up rather than on the first request.
        _ = app.ApplicationServices.GetRequiredService<ITokenBuckets>();
        return app.UseMiddleware<GlobalConcurrencyMiddleware>();
    }

    public static IApplicationBuilder UseAccountLimits(this IApplicationBuilder app) => app.UseMiddleware<AccountLimitsMiddleware>();

    internal static bool IsExempt(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null;

    internal static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static ITokenBuckets CreateTokenBuckets(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(RedisConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new InProcessTokenBuckets();
        }

        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false; // keep retrying in the background; the limiter fails open meanwhile
        configuration.BacklogPolicy = BacklogPolicy.FailFast; // while disconnected, fail at once rather than hold requests
        return new RedisTokenBuckets(
            ConnectionMultiplexer.Connect(configuration),
            services.GetRequiredService<IOptions<RateLimitingOptions>>().Value.RedisKeyPrefix,
            services.GetRequiredService<ILogger<RedisTokenBuckets>>());
    }
}
