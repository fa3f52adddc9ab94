using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Seeding;
using ImportsService.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Seeding;

internal sealed class DemoDataSeederTests(string provider) : DatabaseTest(provider)
{
    private IDemoDataSeeder Seeder => Database.Services.GetRequiredService<IDemoDataSeeder>();

    [Test]
    public async Task An_empty_database_gets_the_demo_tenants_once()
    {
        Assert.That(await Seeder.SeedIfEmptyAsync(CancellationToken.None), Is.True);
        Assert.That(await Seeder.SeedIfEmptyAsync(CancellationToken.None), Is.False);

        var demo = await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken);
        var other = await ResolveAsync(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken);
        Assert.That(demo.Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That(other.Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That((await ResolveAsync(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken)).Standing, Is.EqualTo(CallerStanding.Forbidden));
        Assert.That((await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.OtherAccountToken)).Standing, Is.EqualTo(CallerStanding.Forbidden));

        Assert.That(await AllAsync(demo.AccountId!.Value), Has.Count.EqualTo(DemoTenants.DemoImportCount));
        Assert.That(await AllAsync(other.AccountId!.Value), Has.Count.EqualTo(DemoTenants.OtherImportCount));
    }

    [Test]
    public async Task Demo_imports_cover_every_status_several_types_ties_and_nulls()
    {
        await Seeder.SeedIfEmptyAsync(CancellationToken.None);
        var demo = await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken);

        var rows = await AllAsync(demo.AccountId!.Value);

        Assert.That(rows.Select(r => r.Status).Distinct().Count(), Is.EqualTo(10));
        Assert.That(rows.Select(r => r.Type).Distinct().Count(), Is.GreaterThanOrEqualTo(3));
        Assert.That(rows.GroupBy(r => r.CreatedAt).Any(g => g.Count() > 1), Is.True, "no created_at ties");
        Assert.That(rows.Any(r => r.Note is null) && rows.Any(r => r.Note is not null), Is.True);
        Assert.That(rows.Any(r => r.CompletedAt is null) && rows.Any(r => r.CompletedAt is not null), Is.True);
        Assert.That(rows.Max(r => r.CreatedAt).UnixMicroseconds - rows.Min(r => r.CreatedAt).UnixMicroseconds, Is.GreaterThan(180L * 24 * 3600 * 1_000_000), "dates span months");
    }

    [Test]
    public async Task The_seed_verb_adds_generated_imports_to_the_demo_account_creating_the_tenants_first()
    {
        await Seeder.AddDemoImportsAsync(2_500, CancellationToken.None);
        var demo = await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken);

        var rows = await AllAsync(demo.AccountId!.Value);

        Assert.That(rows, Has.Count.EqualTo(DemoTenants.DemoImportCount + 2_500));
    }

    [Test]
    public async Task Seeding_is_deterministic()
    {
        await Seeder.SeedIfEmptyAsync(CancellationToken.None);
        var demo = (await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken)).AccountId!.Value;
        var first = (await AllAsync(demo)).Select(r => r with { Id = 0 }).ToArray();

        await Database.ResetAsync();
        await Seeder.SeedIfEmptyAsync(CancellationToken.None);
        demo = (await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken)).AccountId!.Value;
        var second = (await AllAsync(demo)).Select(r => r with { Id = 0 }).ToArray();

        Assert.That(second, Is.EqualTo(first));
    }

    private async Task<CallerResolution> ResolveAsync(string key, string token)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ResolveCallerQuery(key, token));
    }

    private async Task<IReadOnlyList<Import>> AllAsync(long account)
    {
        var pages = await WalkAsync(new SentListImports(account) { PerPage = "100", Sorts = [new SortParameter("sort[id]", ImportSortKey.Id, "asc")] });
        return pages.SelectMany(p => p.Records).ToArray();
    }
}
