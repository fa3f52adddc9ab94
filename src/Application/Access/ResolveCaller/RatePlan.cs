namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>
/// The request budget stored with an account: a token bucket of <see cref="PermitsPerWindow"/> (the burst)
/// that refills every <see cref="WindowSeconds"/>; <see cref="Name"/> is what the RateLimit headers call it.
/// </summary>
public sealed record RatePlan(string Name, int PermitsPerWindow, int WindowSeconds)
{
    /// <summary>The plan the three stored columns describe, or null unless all three are there and positive.</summary>
    public static RatePlan? FromStored(string? name, long? permits, long? windowSeconds) =>
        name is { Length: > 0 } && permits is >= 1 and <= int.MaxValue && windowSeconds is >= 1 and <= int.MaxValue
            ? new RatePlan(name, (int)permits, (int)windowSeconds)
            : null;
}
