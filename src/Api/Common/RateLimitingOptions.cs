namespace ImportsService.Api.Common;

/// <summary>
/// The <c>RateLimiting</c> configuration section: a fixed window per account (after authentication), and
/// a wider one per client address that every request passes first, so unauthenticated traffic (key
/// guessing included) cannot flood the database with look-ups.
/// </summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public int PermitsPerWindow { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    public int PermitsPerClientPerWindow { get; set; } = 3000;
}
