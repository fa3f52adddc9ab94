namespace ImportsService.Application.Common.Exceptions;

/// <summary>
/// The database could not be reached or is not accepting work right now (a transient condition, not a
/// bug). The API answers 503 with Retry-After. The message never carries a connection string.
/// </summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
