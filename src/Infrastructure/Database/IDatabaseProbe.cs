namespace ImportsService.Infrastructure.Database;

/// <summary>Throws when the database does not take work right now.</summary>
internal interface IDatabaseProbe
{
    Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
