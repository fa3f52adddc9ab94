using Dapper;
using ImportsService.Application;
using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure;
using ImportsService.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Access;

/// <summary>
/// Keys through the real pipeline and store: a created key authenticates, a revoked one does not, a key stored
/// as plain SHA-256 the way keys were stored before migration 0005 still does, and pepper rotation keeps keys
/// created under the previous pepper working.
/// </summary>
internal sealed class ApiKeyLifecycleTests(string provider) : DatabaseTest(provider)
{
    private const string AccountToken = "acct-token";
    private const string NextPepper = "integration-tests-next-api-key-pepper-0123456789";

    private long account;

    [SetUp]
    public async Task CreateAccount() => account = await Database.CreateAccountAsync(AccountToken);

    [Test]
    public async Task A_created_key_authenticates_as_a_member_that_may_read_imports()
    {
        var created = await SendAsync(new CreateApiKeyCommand(AccountToken, "Ops robot", CanReadImports: true));

        Assert.That(created.AccountId, Is.EqualTo(account));
        Assert.That(await ResolveAsync(created.ApiKey), Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, created.UserId, account)));
        Assert.That((await ResolveAsync(created.ApiKey, "another-account")).Standing, Is.EqualTo(CallerStanding.Forbidden));
    }

    [Test]
    public async Task A_created_key_without_read_access_is_forbidden()
    {
        var created = await SendAsync(new CreateApiKeyCommand(AccountToken, "no read", CanReadImports: false));

        Assert.That(await ResolveAsync(created.ApiKey), Is.EqualTo(new CallerResolution(CallerStanding.Forbidden, created.UserId, null)));
    }

    [Test]
    public async Task A_created_key_is_stored_as_its_hmac_under_the_pepper_with_its_scheme()
    {
        var created = await SendAsync(new CreateApiKeyCommand(AccountToken, "Ops robot", CanReadImports: true));
        await using var connection = await Database.OpenAsync();

        var row = await connection.QuerySingleAsync<(byte[] Hash, int Scheme, string Name)>(
            "SELECT k.key_hash, CAST(k.hash_scheme AS int), u.name FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.id = @id;", new { id = created.KeyId });

        Assert.That(row.Hash, Is.EqualTo(ApiKeyHash.ComputePeppered(created.ApiKey, System.Text.Encoding.UTF8.GetBytes(TestDatabase.Pepper))));
        Assert.That(row.Scheme, Is.EqualTo((int)ApiKeyHashScheme.HmacSha256));
        Assert.That(row.Name, Is.EqualTo("Ops robot"));
    }

    [Test]
    public async Task A_key_revoked_by_the_key_stops_authenticating_and_a_second_revocation_finds_nothing()
    {
        var created = await SendAsync(new CreateApiKeyCommand(AccountToken, "user", CanReadImports: true));

        Assert.That(await SendAsync(new RevokeApiKeyCommand(created.ApiKey, null)), Is.EqualTo(new RevokeApiKeyResult(1)));
        Assert.That((await ResolveAsync(created.ApiKey)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That(await SendAsync(new RevokeApiKeyCommand(created.ApiKey, null)), Is.EqualTo(new RevokeApiKeyResult(0)));
    }

    [Test]
    public async Task A_key_revoked_by_its_id_stops_authenticating_and_other_keys_keep_working()
    {
        var revoked = await SendAsync(new CreateApiKeyCommand(AccountToken, "leaving", CanReadImports: true));
        var kept = await SendAsync(new CreateApiKeyCommand(AccountToken, "staying", CanReadImports: true));

        Assert.That(await SendAsync(new RevokeApiKeyCommand(null, revoked.KeyId)), Is.EqualTo(new RevokeApiKeyResult(1)));

        Assert.That((await ResolveAsync(revoked.ApiKey)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That((await ResolveAsync(kept.ApiKey)).Standing, Is.EqualTo(CallerStanding.MayReadImports));
    }

    [Test]
    public async Task A_key_stored_as_plain_sha256_like_every_key_before_migration_0005_still_authenticates()
    {
        // Inserted without naming hash_scheme, as the service did before the column existed: it defaults to SHA-256.
        var user = await Database.CreateUserWithKeyAsync("a-key-from-before-0005");
        await Database.AddMembershipAsync(account, user, canReadImports: true);
        await using var connection = await Database.OpenAsync();

        var scheme = await connection.ExecuteScalarAsync<int>("SELECT CAST(hash_scheme AS int) FROM api_keys WHERE user_id = @user;", new { user });

        Assert.That(scheme, Is.EqualTo((int)ApiKeyHashScheme.Sha256));
        Assert.That(await ResolveAsync("a-key-from-before-0005"), Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, user, account)));
        Assert.That(await SendAsync(new RevokeApiKeyCommand("a-key-from-before-0005", null)), Is.EqualTo(new RevokeApiKeyResult(1)));
        Assert.That((await ResolveAsync("a-key-from-before-0005")).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [Test]
    public async Task After_pepper_rotation_a_key_created_under_the_previous_pepper_still_authenticates()
    {
        var created = await SendAsync(new CreateApiKeyCommand(AccountToken, "made before rotation", CanReadImports: true));
        await using var rotated = Services([NextPepper, TestDatabase.Pepper]);
        await using var retired = Services([NextPepper]);

        var newer = await SendAsync(rotated, new CreateApiKeyCommand(AccountToken, "made after rotation", CanReadImports: true));

        Assert.That((await ResolveAsync(rotated, created.ApiKey)).Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That((await ResolveAsync(rotated, newer.ApiKey)).Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That((await ResolveAsync(retired, created.ApiKey)).Standing, Is.EqualTo(CallerStanding.Unauthenticated), "its pepper is no longer configured");
        Assert.That((await ResolveAsync(retired, newer.ApiKey)).Standing, Is.EqualTo(CallerStanding.MayReadImports));
    }

    [Test]
    public async Task Creating_a_key_for_an_unknown_account_stores_nothing()
    {
        Assert.That(async () => await SendAsync(new CreateApiKeyCommand("no-such-account", "user", true)), Throws.TypeOf<NotFoundException>());
        await using var connection = await Database.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users;"), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM api_keys;"), Is.Zero);
    }

    private Task<T> SendAsync<T>(IRequest<T> request) => SendAsync(Database.Services, request);

    private Task<CallerResolution> ResolveAsync(string key, string accountToken = AccountToken) => ResolveAsync(Database.Services, key, accountToken);

    private static Task<CallerResolution> ResolveAsync(IServiceProvider services, string key, string accountToken = AccountToken) =>
        SendAsync(services, new ResolveCallerQuery(key, accountToken));

    private static async Task<T> SendAsync<T>(IServiceProvider services, IRequest<T> request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>The service against the same database, configured with <paramref name="peppers"/>.</summary>
    private ServiceProvider Services(IReadOnlyList<string> peppers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings()).Build();
        return new ServiceCollection().AddLogging()
            .AddApplication(cursors => cursors.SigningKeys.Add(TestDatabase.SigningKey), apiKeys =>
            {
                foreach (var pepper in peppers)
                {
                    apiKeys.Pepper.Add(pepper);
                }
            })
            .AddInfrastructure(configuration)
            .BuildServiceProvider();
    }
}
