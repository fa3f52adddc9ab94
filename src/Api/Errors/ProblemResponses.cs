using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ImportsService.Api.Errors;

/// <summary>
/// RFC 9457 problem responses. Every problem this service writes, whoever writes it (authentication,
/// the rate limiter, the exception handler, status code pages), gets <c>instance</c> = the request path,
/// a <c>type</c> (<see cref="ProblemTypes"/>) and a <c>traceId</c>, and the content type <c>application/problem+json</c>.
/// </summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    /// <summary>The customisation <c>AddProblemDetails</c> applies to every problem it writes.</summary>
    public static void Complete(ProblemDetails problem, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        problem.Instance = context.Request.Path.Value;
        problem.Type = ProblemTypes.For(problem.Status ?? context.Response.StatusCode);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
    }

    /// <summary>
    /// Status code pages (404, 405, …) as problems with a detail that says what to do, whatever the
    /// client's Accept header says.
    /// </summary>
    public static Task WriteStatusCodePageAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        var detail = status switch
        {
            StatusCodes.Status404NotFound => "Nothing is served at this path. The imports of an account are listed at GET /api/v1/imports.",
            StatusCodes.Status405MethodNotAllowed => "This path does not take that method; the Allow header lists the ones it takes.",
            _ => ReasonPhrases.GetReasonPhrase(status),
        };
        return WriteAsync(context.HttpContext, status, ReasonPhrases.GetReasonPhrase(status), detail);
    }

    /// <summary>
    /// A problem that asks the client to come back later: the Retry-After header (whole seconds) and a detail that is
    /// <paramref name="reason"/> followed by the one sentence every such answer ends with.
    /// </summary>
    public static Task WriteRetryLaterAsync(HttpContext context, int status, string title, string retryAfterSeconds, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = retryAfterSeconds;
        return WriteAsync(context, status, title, reason + " Retry after the number of seconds in the Retry-After header.");
    }

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The client's Accept header refused JSON; it gets the problem anyway rather than an empty body.
            Complete(problem, context);
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: ContentType, context.RequestAborted);
        }
    }
}
