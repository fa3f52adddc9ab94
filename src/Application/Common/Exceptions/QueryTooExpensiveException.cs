namespace ImportsService.Application.Common.Exceptions;

/// <summary>
/// A statement ran past the database time budget (<c>Database:StatementTimeoutMs</c>) and was stopped, so the
/// request holds no worker and no database time any longer. Not a fault of the database: this request asked
/// for too much work at once. The API answers 503 with Retry-After and asks for a narrower filter.
/// </summary>
public sealed class QueryTooExpensiveException : Exception
{
    public QueryTooExpensiveException(TimeSpan budget, Exception innerException)
        : base($"The statement ran past its time budget of {(long)budget.TotalMilliseconds} ms and was stopped.", innerException)
    {
        Budget = budget;
    }

    /// <summary>How long the statement was allowed to run.</summary>
    public TimeSpan Budget { get; }
}
