using ImportsService.Api.Forwarding;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace ImportsService.Api.Logging;

/// <summary>
/// The request lines a flood multiplies are sampled per client address: responses 401, 403, 404, 405 and 429, and
/// every other answer below 500 to a request that did not authenticate (anonymous health checks, documents, bad
/// versions). The first such line per address and status in <c>RequestLogging:SampledRequestIntervalSeconds</c> is
/// written, with <c>SuppressedCount</c> lines of that kind held back since the previous one and the <c>ClientAddress</c>;
/// the others are demoted to Verbose, which the request log does not write unless asked to. A client without a key
/// cannot fill the log (and the console's bounded buffer) and crowd out real events. Errors and an authenticated
/// tenant's answers are always written.
/// </summary>
internal sealed class RequestLogSampling(IOptions<RequestLoggingOptions> options, TimeProvider time)
{
    private static readonly object SuppressedCountItem = new();

    private readonly ClientLogThrottle throttle = new(time);

    /// <summary>Serilog's own choice (Error for an exception or a 5xx, else Information), or Verbose for a line held back.</summary>
    public LogEventLevel Level(HttpContext context, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        if (exception is not null || status >= StatusCodes.Status500InternalServerError)
        {
            return LogEventLevel.Error;
        }

        var sampled = status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound
                          or StatusCodes.Status405MethodNotAllowed or StatusCodes.Status429TooManyRequests
                      || context.User.Identity?.IsAuthenticated != true;
        var interval = TimeSpan.FromSeconds(options.Value.SampledRequestIntervalSeconds);
        if (!sampled || interval <= TimeSpan.Zero)
        {
            return LogEventLevel.Information;
        }

        var client = ClientAddress.PartitionKey(context);
        if (!throttle.TryAdmit($"{client} {status}", interval, out var suppressed))
        {
            return LogEventLevel.Verbose;
        }

        context.Items[SuppressedCountItem] = suppressed;
        return LogEventLevel.Information;
    }

    /// <summary>On a sampled line that is written: who sent it, and how many like it were not written.</summary>
    public static void Enrich(IDiagnosticContext diagnostics, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(SuppressedCountItem, out var suppressed) && suppressed is int count)
        {
            diagnostics.Set("ClientAddress", ClientAddress.PartitionKey(context));
            diagnostics.Set("SuppressedCount", count);
        }
    }
}
