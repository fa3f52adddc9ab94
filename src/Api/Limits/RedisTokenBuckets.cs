using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;
using ImportsService.Api.Observability;

namespace ImportsService.Api.Limits;

/// <summary>
/// Buckets kept in Redis (RedisRateLimiting's token bucket script), so every instance that shares the
/// Redis server spends and sees the same tokens. When Redis does not answer, requests are let through
/// (fail open) with a warning at most every 30 seconds: the limiter must not take the service down with it.
/// </summary>
internal sealed partial class RedisTokenBuckets : ITokenBuckets, IDisposable
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);

    private readonly PartitionedRateLimiter<BucketRequest> limiter;
    private readonly ILogger<RedisTokenBuckets> logger;
    private readonly string prefix;
    private long nextWarningTicks;

    public RedisTokenBuckets(IConnectionMultiplexer redis, string keyPrefix, ILogger<RedisTokenBuckets> logger)
    {
        Connection = redis ?? throw new ArgumentNullException(nameof(redis));
        this.logger = logger;
        prefix = keyPrefix;
        limiter = PartitionedRateLimiter.Create<BucketRequest, string>(request =>
            RedisRateLimitPartition.GetTokenBucketRateLimiter(request.Key, _ => new RedisTokenBucketRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                TokenLimit = request.Shape.Capacity,
                TokensPerPeriod = request.Shape.TokensPerPeriod,
                ReplenishmentPeriod = request.Shape.Period,
            }));
    }

    /// <summary>The connection the buckets use, for the Redis trace instrumentation.</summary>
    public IConnectionMultiplexer Connection { get; }

    public async ValueTask<TokenBucketTake> TakeAsync(string key, TokenBucketShape shape, int tokens, CancellationToken cancellationToken)
    {
        var request = new BucketRequest($"{prefix}:{key}:{shape.Capacity}/{shape.RefillSeconds}", shape);
        try
        {
            using var lease = await limiter.AcquireAsync(request, tokens, cancellationToken);
            long? remaining = lease.TryGetMetadata(RateLimitMetadataName.Remaining.Name, out var left) && left is long count ? count : null;
            // Taking 0 always "succeeds" in the script; whether a token is left is what a look asks.
            var taken = tokens == 0 ? remaining is null or >= 1 : lease.IsAcquired;
            var retryAfter = taken ? TimeSpan.Zero
                : lease.TryGetMetadata(RateLimitMetadataName.RetryAfter.Name, out var wait) && wait is int seconds && seconds > 0 ? TimeSpan.FromSeconds(seconds)
                : shape.Period;
            return new TokenBucketTake(taken, remaining, retryAfter);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            ApiMetrics.RateLimiterFailedOpen();
            var now = Environment.TickCount64;
            var next = Interlocked.Read(ref nextWarningTicks);
            if (now >= next && Interlocked.CompareExchange(ref nextWarningTicks, now + (long)WarningInterval.TotalMilliseconds, next) == next)
            {
                LogRedisUnavailable(logger, exception);
            }

            return new TokenBucketTake(true, null, TimeSpan.Zero);
        }
    }

    public void Dispose() => limiter.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis did not answer the rate limiter; requests pass unlimited until it does")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    private sealed record BucketRequest(string Key, TokenBucketShape Shape);
}
