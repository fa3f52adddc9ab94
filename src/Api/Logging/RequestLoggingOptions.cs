namespace ImportsService.Api.Logging;

/// <summary>The <c>RequestLogging</c> configuration section.</summary>
public sealed class RequestLoggingOptions
{
    public const string SectionName = "RequestLogging";

    /// <summary>At most one authentication-failure Warning per client address in this many seconds.</summary>
    public int AuthenticationFailureIntervalSeconds { get; set; } = 60;
}
