using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Versioning;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Seeding;
using ImportsService.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Access;

/// <summary>Each key is stored with the API release it is locked to (migration 0004), and resolving a caller reads it.</summary>
internal sealed class ApiKeyVersionTests(string provider) : DatabaseTest(provider)
{
    [Test]
    public async Task Seeded_demo_keys_are_locked_to_the_newest_release()
    {
        await Database.Services.GetRequiredService<IDemoDataSeeder>().SeedIfEmptyAsync(CancellationToken.None);
        var newest = Database.Services.GetRequiredService<ApiReleases>().Newest;

        Assert.That(newest, Is.EqualTo(ApiReleases.Shipped[^1]));
        Assert.That((await ResolveAsync(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken)).ApiVersion, Is.EqualTo(newest));
        Assert.That((await ResolveAsync(DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken)).ApiVersion, Is.EqualTo(newest), "a forbidden caller too");
    }

    [Test]
    public async Task A_key_resolves_with_the_version_stored_with_it()
    {
        var account = await Database.CreateAccountAsync("acct-token");
        var user = await Database.CreateUserWithKeyAsync("key-1");
        await Database.AddMembershipAsync(account, user, canReadImports: true);
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE api_keys SET api_version = '2025-05-05' WHERE key_hash = @hash;", new { hash = ApiKeyHash.Compute("key-1") });
        }

        var caller = await ResolveAsync("key-1", "acct-token");

        Assert.That(caller, Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, user, account, new DateOnly(2025, 5, 5))));
    }

    [Test]
    public async Task A_key_stored_without_a_version_resolves_without_one()
    {
        var account = await Database.CreateAccountAsync("acct-token");
        var user = await Database.CreateUserWithKeyAsync("key-1");
        await Database.AddMembershipAsync(account, user, canReadImports: true);

        Assert.That((await ResolveAsync("key-1", "acct-token")).ApiVersion, Is.Null);
    }

    private async Task<CallerResolution> ResolveAsync(string key, string accountToken)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ResolveCallerQuery(key, accountToken));
    }
}
