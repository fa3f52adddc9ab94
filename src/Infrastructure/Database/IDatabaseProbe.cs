namespace ImportsService.Infrastructure.Database;

/// <summary>Answers whether the database takes work right now; throws when it does not.</summary>
internal interface IDatabaseProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
