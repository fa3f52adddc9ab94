using System.Data.Common;
using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Respawn;
using Respawn.Graph;

namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// A real, migrated database of one provider, wired through the production service registrations
/// (<c>AddApplication</c> + <c>AddInfrastructure</c>). Respawn empties it between tests, keeping the
/// migration journal.
/// </summary>
internal abstract class TestDatabase : IAsyncDisposable
{
    public const string SigningKey = "integration-tests-cursor-signing-key-0123456789";

    /// <summary>The API key pepper the services of every test database hash issued keys with.</summary>
    public const string Pepper = "integration-tests-api-key-pepper-0123456789abcdef";

    private Respawner? respawner;
    private ServiceProvider? services;

    public abstract string Provider { get; }

    public IServiceProvider Services => services ?? throw new InvalidOperationException("Initialize the database first.");

    public async Task InitializeAsync()
    {
        await CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings()).Build();
        var collection = new ServiceCollection().AddLogging().AddApplication(cursors => cursors.SigningKeys.Add(SigningKey), apiKeys => apiKeys.Pepper.Add(Pepper)).AddInfrastructure(configuration);
        // The suite proves what the database answers: every look-up goes to it (the cache has tests of its own).
        collection.Configure<CallerCacheOptions>(cache => cache.Seconds = 0);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);

        await using var connection = await OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = RespawnAdapter,
            TablesToIgnore = [new Table("SchemaVersions"), new Table("schemaversions")],
        });
    }

    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        await (respawner ?? throw new InvalidOperationException("Initialize the database first.")).ResetAsync(connection);
    }

    /// <summary>The configuration the service would run with against this database.</summary>
    public abstract IDictionary<string, string?> Settings();

    public abstract Task<DbConnection> OpenAsync();

    public abstract Task<long> CreateAccountAsync(string token);

    /// <summary>A user with one API key (stored hashed, as production stores it).</summary>
    public abstract Task<long> CreateUserWithKeyAsync(string apiKey, bool revoked = false);

    public abstract Task AddMembershipAsync(long accountId, long userId, bool canReadImports);

    /// <summary>Inserts rows in order and returns them as records with the ids the database gave them.</summary>
    public abstract Task<IReadOnlyList<Import>> InsertImportsAsync(long accountId, IReadOnlyList<NewImport> rows);

    public abstract Task DeleteImportsAsync(IReadOnlyCollection<long> ids);

    /// <summary>Changes an import's timestamps in place, as a correction of its creation time would.</summary>
    public abstract Task UpdateTimestampsAsync(long id, UtcTimestamp createdAt, UtcTimestamp updatedAt);

    /// <summary>Applies <paramref name="edits"/> to the imports in <paramref name="rows"/>, keeping the list in step with the database.</summary>
    public async Task ApplyEditsAsync(List<Import> rows, IEnumerable<ImportEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(edits);
        foreach (var (row, delete, a, b) in edits.Where(_ => rows.Count > 0))
        {
            var index = row % rows.Count;
            if (delete)
            {
                await DeleteImportsAsync([rows[index].Id]);
                rows.RemoveAt(index);
            }
            else
            {
                var (created, updated) = a < b ? (a, b) : (b, a);
                await UpdateTimestampsAsync(rows[index].Id, created, updated);
                rows[index] = rows[index] with { CreatedAt = created, UpdatedAt = updated };
            }
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IDbAdapter RespawnAdapter { get; }

    protected abstract Task CreateAsync();
}
