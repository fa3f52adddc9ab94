namespace ImportsService.Infrastructure.Seeding;

public interface IDemoDataSeeder
{
    /// <summary>Only when the database holds no account yet; returns whether it seeded.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken);

    /// <summary>To the demo account, creating the demo tenants first when missing.</summary>
    Task AddDemoImportsAsync(int count, CancellationToken cancellationToken) => AddDemoImportsAsync(count, progress: null, cancellationToken);

    /// <summary>Reports after every committed batch, synchronously, on the seeding thread.</summary>
    Task AddDemoImportsAsync(int count, IProgress<SeedProgress>? progress, CancellationToken cancellationToken);
}

public readonly record struct SeedProgress(long Rows, long Total)
{
    public bool IsComplete => Rows >= Total;
}
