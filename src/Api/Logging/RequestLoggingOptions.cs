namespace ImportsService.Api.Logging;

/// <summary>The <c>RequestLogging</c> configuration section.</summary>
public sealed class RequestLoggingOptions
{
    public const string SectionName = "RequestLogging";

    /// <summary>At most one authentication-failure Warning per client address in this many seconds.</summary>
    public int AuthenticationFailureIntervalSeconds { get; set; } = 60;

    /// <summary>At most one sampled request line (<see cref="RequestLogSampling"/>) per client address and status in this many seconds; 0 writes every one.</summary>
    public int SampledRequestIntervalSeconds { get; set; } = 60;
}
