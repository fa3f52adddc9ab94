namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>
/// The <c>Access:CallerCache</c> configuration section: how long a resolved caller is reused without
/// asking the database again. This is also how long a revoked key, a deleted key or a withdrawn
/// membership may keep working on an instance: at most <see cref="Seconds"/>.
/// </summary>
public sealed class CallerCacheOptions
{
    public const string SectionName = "Access:CallerCache";

    /// <summary>The longest revocation delay the service accepts.</summary>
    public const int MaxSeconds = 30;

    /// <summary>How long an answer is reused; 0 turns the cache off. At most <see cref="MaxSeconds"/>.</summary>
    public int Seconds { get; set; } = 10;

    /// <summary>How many (key, account) answers are kept; a full cache drops what has expired, then everything.</summary>
    public int Capacity { get; set; } = 10_000;
}
