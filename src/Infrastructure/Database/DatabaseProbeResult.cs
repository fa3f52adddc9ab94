namespace ImportsService.Infrastructure.Database;

/// <summary>
/// What a probe learned besides "the database answers": a warning about how the database is set up (the
/// ready check then reports Degraded with it, still 200) and values for the health report's data.
/// </summary>
internal sealed record DatabaseProbeResult(string? Warning, IReadOnlyDictionary<string, object> Data)
{
    public static DatabaseProbeResult Answered { get; } = new(null, new Dictionary<string, object>());
}
