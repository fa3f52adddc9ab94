namespace ImportsService.Infrastructure.Database;

/// <summary>Applies the provider's migration scripts that have not run yet (DbUp keeps the journal).</summary>
public interface IDatabaseMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
