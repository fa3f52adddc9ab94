namespace ImportsService.Infrastructure.Database;

/// <summary>A warning about the database's set-up makes the ready check Degraded (still 200).</summary>
internal sealed record DatabaseProbeResult(string? Warning, IReadOnlyDictionary<string, object> Data)
{
    public static DatabaseProbeResult Answered { get; } = new(null, new Dictionary<string, object>());
}
