using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Seeding;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Benchmarks;

/// <summary>
/// A SQLite file with the demo tenants plus generated imports, built once (by the production seeder)
/// and reused by later runs: set IMPORTS_BENCH_ROWS to change the size (default 1,000,000).
/// </summary>
internal static class BenchmarkDatabase
{
    public static int GeneratedRows => int.TryParse(Environment.GetEnvironmentVariable("IMPORTS_BENCH_ROWS"), out var rows) ? rows : 1_000_000;

    public static string PathFor(int rows, string variant = "") => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"imports-bench{variant}-{rows}.db");

    /// <param name="variant">A name for a database of its own (the query-cost matrix has one).</param>
    /// <param name="prepare">What a fresh database gets after seeding, on the demo account.</param>
    public static async Task<(ServiceProvider Services, long AccountId)> OpenAsync(string variant = "", Func<string, long, Task>? prepare = null)
    {
        var path = PathFor(GeneratedRows, variant);
        var fresh = !File.Exists(path);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Imports"] = $"Data Source={path}",
        }).Build();
        var collection = new ServiceCollection().AddLogging()
            .AddApplication(cursors => cursors.SigningKeys.Add("benchmark-signing-key-0123456789abcdef"))
            .AddInfrastructure(configuration);
        var services = collection.BuildServiceProvider();

        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        if (fresh)
        {
            await services.GetRequiredService<IDemoDataSeeder>().AddDemoImportsAsync(GeneratedRows, CancellationToken.None);
        }

        var caller = await services.GetRequiredService<IMediator>().Send(new ResolveCallerQuery(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken));
        var accountId = caller.AccountId ?? throw new InvalidOperationException("The demo account is missing.");
        if (fresh && prepare is not null)
        {
            await prepare($"Data Source={path}", accountId);
        }

        return (services, accountId);
    }
}
