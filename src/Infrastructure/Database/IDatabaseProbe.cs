namespace ImportsService.Infrastructure.Database;

/// <summary>Answers whether the database takes work right now (throws when it does not) and what it noticed about its set-up.</summary>
internal interface IDatabaseProbe
{
    Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
