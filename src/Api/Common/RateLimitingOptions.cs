namespace ImportsService.Api.Common;

/// <summary>The <c>RateLimiting</c> configuration section: a fixed window per account.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public int PermitsPerWindow { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;
}
