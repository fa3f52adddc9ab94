using System.Threading.RateLimiting;

namespace ImportsService.Api.Limits;

/// <summary>
/// A bucket of <see cref="Capacity"/> tokens that refills completely, at an even rate, every
/// <see cref="RefillSeconds"/>. As a replenishing limiter: <see cref="TokensPerPeriod"/> tokens every
/// <see cref="Period"/>, the period at least 100 ms (the in-process limiters are replenished by a
/// 100 ms timer, so a shorter period would be rounded up and slow the rate).
/// </summary>
internal readonly record struct TokenBucketShape(int Capacity, int RefillSeconds)
{
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(100);

    public int TokensPerPeriod => (int)Math.Min(Capacity, Math.Ceiling(Capacity * ShortestPeriod.TotalSeconds / RefillSeconds));

    public TimeSpan Period => TimeSpan.FromTicks(TimeSpan.FromSeconds(RefillSeconds).Ticks * TokensPerPeriod / Capacity);

    /// <summary>Whole seconds until a bucket holding <paramref name="remaining"/> tokens is full again.</summary>
    public int SecondsUntilFull(long remaining) =>
        (int)Math.Ceiling(Math.Max(0, Capacity - remaining) * (double)RefillSeconds / Capacity);
}

/// <summary>What taking from a bucket did: taken or not, the tokens left, and when a refused caller may retry.</summary>
/// <param name="Remaining">Tokens left after the take; null when unknown (the shared store did not answer).</param>
internal readonly record struct TokenBucketTake(bool Taken, long? Remaining, TimeSpan RetryAfter);

/// <summary>
/// Named token buckets: in this process, or in Redis so that every instance sees the same buckets.
/// Taking 0 tokens only looks: <see cref="TokenBucketTake.Taken"/> then says whether at least one token is left.
/// </summary>
internal interface ITokenBuckets
{
    ValueTask<TokenBucketTake> TakeAsync(string key, TokenBucketShape shape, int tokens, CancellationToken cancellationToken);
}

/// <summary>The buckets of one process, on the framework's token bucket limiter (idle buckets are dropped).</summary>
internal sealed class InProcessTokenBuckets : ITokenBuckets, IDisposable
{
    private readonly PartitionedRateLimiter<BucketRequest> limiter = PartitionedRateLimiter.Create<BucketRequest, string>(request =>
        RateLimitPartition.GetTokenBucketLimiter(request.Key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = request.Shape.Capacity,
            TokensPerPeriod = request.Shape.TokensPerPeriod,
            ReplenishmentPeriod = request.Shape.Period,
            QueueLimit = 0,
        }));

    public ValueTask<TokenBucketTake> TakeAsync(string key, TokenBucketShape shape, int tokens, CancellationToken cancellationToken)
    {
        // The shape is part of the key: a bucket never changes shape under the same name.
        var request = new BucketRequest($"{key}|{shape.Capacity}/{shape.RefillSeconds}", shape);
        using var lease = limiter.AttemptAcquire(request, tokens);
        var remaining = limiter.GetStatistics(request)?.CurrentAvailablePermits ?? 0;
        var taken = tokens == 0 ? remaining >= 1 : lease.IsAcquired;
        var retryAfter = taken ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : shape.Period;
        return ValueTask.FromResult(new TokenBucketTake(taken, remaining, retryAfter));
    }

    public void Dispose() => limiter.Dispose();

    private sealed record BucketRequest(string Key, TokenBucketShape Shape);
}
