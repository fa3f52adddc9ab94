using ImportsService.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ImportsService.Api.Observability;

namespace ImportsService.Api.Errors;

/// <summary>
/// The one place exceptions become responses. Validation is a 400 in the contract's own shape, a thing
/// that is not there for this caller a 404 problem, an unreachable database a 503 the client may retry, a query past the database
/// time budget a 503 that asks for a narrower filter, a client that went away nothing at all, and
/// anything else a 500 that shows no exception text outside Development.
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    internal const int RetryAfterSeconds = 5;
    private const int ClientClosedRequest = 499;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        switch (exception)
        {
            case RequestValidationException validation:
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ValidationErrorsResponse.Capped(validation.Errors).WriteAsync(httpContext.Response, cancellationToken);
                return true;

            case NotFoundException notFound:
                // The message is the use case's, written to say the same for "missing" and "someone else's".
                await ProblemResponses.WriteAsync(httpContext, StatusCodes.Status404NotFound, "Not Found", notFound.Message);
                return true;

            case BadHttpRequestException badRequest:
                // Kestrel's own rejections that surface inside the pipeline (a body too large, too slow,
                // malformed chunking): the status Kestrel chose, as a problem. Nothing of the request is echoed.
                return await WriteProblemAsync(httpContext, badRequest.StatusCode,
                    Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(badRequest.StatusCode) is { Length: > 0 } phrase ? phrase : "Bad Request",
                    badRequest.StatusCode switch
                    {
                        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this service accepts.",
                        StatusCodes.Status408RequestTimeout => "The request body did not arrive in time.",
                        _ => "The request could not be read as HTTP. Check its headers and body.",
                    },
                    exception);

            case DatabaseUnavailableException:
                LogDatabaseUnavailable(logger, exception);
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return await WriteProblemAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                    "The database cannot be reached right now. Retry after the number of seconds in the Retry-After header.", exception);

            case QueryTooExpensiveException tooExpensive:
                LogQueryTooExpensive(logger, httpContext.Request.Path, (long)tooExpensive.Budget.TotalMilliseconds);
                ApiMetrics.QueryTooExpensive();
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return await WriteProblemAsync(httpContext, StatusCodes.Status503ServiceUnavailable, QueryTooExpensiveTitle,
                    QueryTooExpensiveDetail(tooExpensive.Budget), exception);

            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // Nobody is listening: no body; 499 only so the request log says what happened.
                LogClientGone(logger, httpContext.Request.Path.Value ?? string.Empty);
                httpContext.Response.StatusCode = ClientClosedRequest;
                return true;

            default:
                LogUnhandled(logger, exception);
                return await WriteProblemAsync(httpContext, StatusCodes.Status500InternalServerError, "Internal Server Error",
                    "Something unexpected happened. Quote the traceId when you report it.", exception);
        }
    }

    internal const string QueryTooExpensiveTitle = "Query Too Expensive";

    /// <summary>What a client reads when its query ran past the database time budget: what happened, and how to ask for less.</summary>
    internal static string QueryTooExpensiveDetail(TimeSpan budget) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        "The query was too expensive: it ran past the database time budget of {0} ms and was stopped. " +
        "Narrow it: a filter on the field you sort by (e.g. filter[created_at][gte] with sort[created_at]) or a shorter time range " +
        "reads far fewer rows. Retry after the number of seconds in the Retry-After header.",
        (long)budget.TotalMilliseconds);

    private async ValueTask<bool> WriteProblemAsync(HttpContext httpContext, int status, string title, string detail, Exception exception)
    {
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (environment.IsDevelopment())
        {
            problem.Extensions["exception"] = exception.ToString();
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A query for {RequestPath} ran past the database time budget of {BudgetMs} ms and was stopped")]
    private static partial void LogQueryTooExpensive(ILogger logger, string requestPath, long budgetMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "The client went away before {RequestPath} was answered")]
    private static partial void LogClientGone(ILogger logger, string requestPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
