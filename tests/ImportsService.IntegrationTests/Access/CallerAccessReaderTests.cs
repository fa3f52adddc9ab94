using Dapper;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;
using ImportsService.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Access;

internal sealed class CallerAccessReaderTests(string provider) : DatabaseTest(provider)
{
    private long account;
    private long user;

    [SetUp]
    public async Task CreateAccount() => account = await Database.CreateAccountAsync("acct-token");

    [Test]
    public async Task A_member_with_permission_may_read_imports()
    {
        await AddKeyAsync("key-1");
        await AddMembershipAsync(canRead: true);

        var caller = await ResolveAsync("key-1", "acct-token");

        Assert.That(caller, Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, user, account)));
    }

    [Test]
    public async Task A_member_without_permission_is_forbidden()
    {
        await AddKeyAsync("key-1");
        await AddMembershipAsync(canRead: false);

        Assert.That((await ResolveAsync("key-1", "acct-token")).Standing, Is.EqualTo(CallerStanding.Forbidden));
    }

    [Test]
    public async Task A_good_key_for_an_unknown_or_foreign_account_is_forbidden()
    {
        await AddKeyAsync("key-1");
        await AddMembershipAsync(canRead: true);
        await Database.CreateAccountAsync("someone-elses-account");

        Assert.That((await ResolveAsync("key-1", "no-such-account")).Standing, Is.EqualTo(CallerStanding.Forbidden));
        Assert.That((await ResolveAsync("key-1", "someone-elses-account")).Standing, Is.EqualTo(CallerStanding.Forbidden));
    }

    [Test]
    public async Task An_unknown_or_revoked_key_is_unauthenticated()
    {
        await AddKeyAsync("key-1", revoked: true);
        await AddMembershipAsync(canRead: true);

        Assert.That((await ResolveAsync("key-1", "acct-token")).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That((await ResolveAsync("key-2", "acct-token")).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [Test]
    public async Task The_accounts_stored_rate_plan_comes_with_the_caller_from_the_same_lookup()
    {
        await AddKeyAsync("key-1");
        await AddMembershipAsync(canRead: true);
        await using (var connection = await Database.OpenAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE accounts SET rate_plan = 'gold', rate_permits = 3, rate_window_seconds = 10 WHERE id = @id;", new { id = account });
        }

        var caller = await ResolveAsync("key-1", "acct-token");

        Assert.That(caller.RatePlan, Is.EqualTo(new RatePlan("gold", 3, 10)));
    }

    [Test]
    public async Task An_account_without_a_stored_plan_has_none_and_configuration_applies()
    {
        await AddKeyAsync("key-1");
        await AddMembershipAsync(canRead: true);

        Assert.That((await ResolveAsync("key-1", "acct-token")).RatePlan, Is.Null);
    }

    [Test]
    public async Task Keys_are_stored_as_hashes_not_as_text()
    {
        await AddKeyAsync("key-1");
        await using var connection = await Database.OpenAsync();

        var stored = await connection.ExecuteScalarAsync<byte[]>("SELECT key_hash FROM api_keys;");

        Assert.That(stored, Is.EqualTo(ApiKeyHash.Compute("key-1")));
    }

    private async Task<CallerResolution> ResolveAsync(string key, string accountToken)
    {
        await using var scope = Database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ResolveCallerQuery(key, accountToken));
    }

    private async Task AddKeyAsync(string key, bool revoked = false) => user = await Database.CreateUserWithKeyAsync(key, revoked);

    private Task AddMembershipAsync(bool canRead) => Database.AddMembershipAsync(account, user, canRead);
}
