namespace ImportsService.Infrastructure.Seeding;

/// <summary>Creates the demo tenants and generated imports; deterministic, so every machine sees the same data.</summary>
public interface IDemoDataSeeder
{
    /// <summary>When the database holds no account yet, creates the demo tenants with their imports. Returns whether it seeded.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="count"/> generated imports to the demo account, creating the demo tenants first when missing.</summary>
    Task AddDemoImportsAsync(int count, CancellationToken cancellationToken);
}
