using ImportsService.Api.Forwarding;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Limits;

/// <summary>
/// The per-client-address budget of failed authentications (key guessing): a token bucket of
/// <c>RateLimiting:PermitsPerClientPerWindow</c> refilled over <c>RateLimiting:WindowSeconds</c> that only
/// failures spend (a 401 of any cause, and a 403). Requests that authenticate spend nothing here, so
/// tenants behind one address never spend each other's budget. Once it is empty, the address's requests
/// with credentials are answered 429 before their key is looked up, except a key and account token the instance already
/// serves (see <see cref="TokenAuthenticationHandler"/>): a guesser cannot lock out the tenants at its address.
/// </summary>
internal sealed class FailedAuthenticationBudget(ITokenBuckets buckets, IOptions<RateLimitingOptions> options)
{
    private RateLimitingOptions Limits => options.Value;

    private TokenBucketShape Shape => new(Limits.PermitsPerClientPerWindow, Limits.WindowSeconds);

    /// <summary>Null when the client may try; else how long until it may.</summary>
    public async ValueTask<TimeSpan?> RefusalAsync(HttpContext context)
    {
        if (!Limits.Enabled)
        {
            return null;
        }

        var look = await buckets.TakeAsync(Key(context), Shape, 0, context.RequestAborted);
        return look.Taken ? null : look.RetryAfter;
    }

    public async ValueTask RecordFailureAsync(HttpContext context)
    {
        if (Limits.Enabled)
        {
            // Counted even when the client has gone: it made the attempt.
            await buckets.TakeAsync(Key(context), Shape, 1, CancellationToken.None);
        }
    }

    private static string Key(HttpContext context) => $"failed-auth:{ClientAddress.PartitionKey(context)}";
}
