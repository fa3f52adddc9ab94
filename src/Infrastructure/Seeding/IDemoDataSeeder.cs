namespace ImportsService.Infrastructure.Seeding;

/// <summary>Creates the demo tenants and generated imports; deterministic, so every machine sees the same data.</summary>
public interface IDemoDataSeeder
{
    /// <summary>When the database holds no account yet, creates the demo tenants with their imports. Returns whether it seeded.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="count"/> generated imports to the demo account, creating the demo tenants first when missing.</summary>
    Task AddDemoImportsAsync(int count, CancellationToken cancellationToken) => AddDemoImportsAsync(count, progress: null, cancellationToken);

    /// <summary>
    /// Adds <paramref name="count"/> generated imports like <see cref="AddDemoImportsAsync(int, CancellationToken)"/>, reporting
    /// the rows written so far to <paramref name="progress"/> after every committed batch, synchronously, on the seeding
    /// thread. How progress is shown is the caller's business.
    /// </summary>
    Task AddDemoImportsAsync(int count, IProgress<SeedProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>How far a seed is: <paramref name="Rows"/> of <paramref name="Total"/> generated imports written and committed.</summary>
public readonly record struct SeedProgress(long Rows, long Total)
{
    public bool IsComplete => Rows >= Total;
}
