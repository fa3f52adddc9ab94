using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Limits;

/// <summary>In-flight requests per account on this instance (<c>RateLimiting:MaxConcurrentRequestsPerAccount</c>); no queue.</summary>
internal sealed class AccountConcurrency(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<long> limiter = PartitionedRateLimiter.Create<long, long>(accountId =>
        RateLimitPartition.GetConcurrencyLimiter(accountId, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.MaxConcurrentRequestsPerAccount,
            QueueLimit = 0,
        }));

    /// <summary>A slot to dispose when the request is done, or null when the account has none free.</summary>
    public RateLimitLease? TryEnter(long accountId)
    {
        var lease = limiter.AttemptAcquire(accountId);
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// In-flight requests on this instance (<c>RateLimiting:MaxConcurrentRequests</c>), with a short queue
/// (<c>:MaxQueuedRequests</c>, each waiting at most <c>:QueueTimeoutMilliseconds</c>).
/// </summary>
internal sealed class GlobalConcurrency(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentRequests,
        QueueLimit = options.Value.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A slot to dispose when the request is done, or null when none came free in time.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(CancellationToken requestAborted)
    {
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        var limits = options.Value;
        if (limits.MaxQueuedRequests == 0 || limits.QueueTimeoutMilliseconds == 0)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(limits.QueueTimeoutMilliseconds);
        try
        {
            lease = await limiter.AcquireAsync(1, timeout.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return null;
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => limiter.Dispose();
}
