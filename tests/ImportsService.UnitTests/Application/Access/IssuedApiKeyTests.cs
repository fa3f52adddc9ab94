using ImportsService.Application;
using ImportsService.Application.Access.ApiKeys;
using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Domain.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImportsService.UnitTests.Application.Access;

/// <summary>
/// Keys the service issues: created in the recognisable format, stored as HMAC-SHA256 under the first pepper,
/// found under any configured pepper, refused without a lookup when malformed, revocable by key or id; keys
/// stored as plain SHA-256 before (the demo keys) keep working beside them.
/// </summary>
public sealed class IssuedApiKeyTests
{
    private const string AccountToken = "account-token";
    private const string OldPepper = "old-api-key-pepper-0123456789abcdefghij";
    private const string NewPepper = "new-api-key-pepper-0123456789abcdefghij";

    [Test]
    public async Task A_created_key_is_in_the_issued_format_and_stored_as_its_hmac_under_the_first_pepper_never_as_itself()
    {
        using var pipeline = Pipeline([NewPepper, OldPepper], out var store);
        store.AddAccount(AccountToken);

        var created = await pipeline.Send(new CreateApiKeyCommand(AccountToken, "Ops robot", CanReadImports: true));

        var stored = store.Keys.Single();
        Assert.That(ApiKeyFormat.Classify(created.ApiKey), Is.EqualTo(ApiKeyKind.Issued));
        Assert.That(stored.Scheme, Is.EqualTo(ApiKeyHashScheme.HmacSha256));
        Assert.That(stored.Hash, Is.EqualTo(ApiKeyHash.ComputePeppered(created.ApiKey, System.Text.Encoding.UTF8.GetBytes(NewPepper))));
        Assert.That(stored.UserName, Is.EqualTo("Ops robot"));
        Assert.That((created.KeyId, created.UserId, created.AccountId), Is.EqualTo((stored.KeyId, stored.UserId, stored.AccountId)));
    }

    [Test]
    public async Task A_created_result_never_prints_its_key()
    {
        using var pipeline = Pipeline([NewPepper], out var store);
        store.AddAccount(AccountToken);

        var created = await pipeline.Send(new CreateApiKeyCommand(AccountToken, "Ops robot", CanReadImports: true));

        Assert.That(created.ToString(), Does.Not.Contain(created.ApiKey).And.Contain("(secret)").And.Contain($"KeyId = {created.KeyId}"));
    }

    [Test]
    public async Task A_created_key_authenticates_and_one_without_read_access_is_forbidden()
    {
        using var pipeline = Pipeline([NewPepper], out var store);
        var account = store.AddAccount(AccountToken);
        var reader = await pipeline.Send(new CreateApiKeyCommand(AccountToken, "reader", CanReadImports: true));
        var noRead = await pipeline.Send(new CreateApiKeyCommand(AccountToken, "no read", CanReadImports: false));

        Assert.That(await Resolve(pipeline, reader.ApiKey), Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, reader.UserId, account)));
        Assert.That(await Resolve(pipeline, noRead.ApiKey), Is.EqualTo(new CallerResolution(CallerStanding.Forbidden, noRead.UserId, null)));
        Assert.That((await Resolve(pipeline, reader.ApiKey, "another-account")).Standing, Is.EqualTo(CallerStanding.Forbidden));
    }

    [Test]
    public async Task A_key_is_looked_up_with_one_hash_per_pepper_so_rotation_keeps_older_keys_working()
    {
        var store = new InMemoryApiKeyStore();
        store.AddAccount(AccountToken);
        string key;
        using (var before = new ApplicationPipeline(peppers: [OldPepper], apiKeys: store))
        {
            key = (await before.Send(new CreateApiKeyCommand(AccountToken, "made before rotation", true))).ApiKey;
        }

        using var rotated = new ApplicationPipeline(peppers: [NewPepper, OldPepper], apiKeys: store);
        using var retired = new ApplicationPipeline(peppers: [NewPepper], apiKeys: store);

        Assert.That((await Resolve(rotated, key)).Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That(store.Lookups[^1].Hashes, Has.Count.EqualTo(2), "one HMAC per configured pepper");
        Assert.That((await Resolve(retired, key)).Standing, Is.EqualTo(CallerStanding.Unauthenticated), "the pepper it was hashed with is gone");
    }

    [Test]
    public async Task A_malformed_key_is_refused_before_any_lookup()
    {
        using var pipeline = Pipeline([NewPepper], out var store);
        store.AddAccount(AccountToken);
        var key = (await pipeline.Send(new CreateApiKeyCommand(AccountToken, "user", true))).ApiKey;
        var badChecksum = key[..^1] + (key[^1] == 'a' ? 'b' : 'a');

        foreach (var malformed in new[] { badChecksum, key[..^1], key + "x", ApiKeyFormat.Prefix })
        {
            Assert.That((await Resolve(pipeline, malformed)).Standing, Is.EqualTo(CallerStanding.Unauthenticated), malformed);
        }

        Assert.That(store.Lookups, Is.Empty, "no database work for a key whose format or checksum is wrong");
    }

    [Test]
    public async Task A_key_stored_as_plain_sha256_before_issued_keys_still_authenticates_beside_them()
    {
        using var pipeline = Pipeline([NewPepper], out var store);
        var account = store.AddAccount(AccountToken);
        var user = store.AddSha256Key("demo-api-key", AccountToken);

        var resolution = await Resolve(pipeline, "demo-api-key");

        Assert.That(resolution, Is.EqualTo(new CallerResolution(CallerStanding.MayReadImports, user, account)));
        Assert.That(store.Lookups.Single().Scheme, Is.EqualTo(ApiKeyHashScheme.Sha256));
        Assert.That(store.Lookups.Single().Hashes.Single(), Is.EqualTo(ApiKeyHash.Compute("demo-api-key")));
    }

    [Test]
    public async Task An_issued_key_never_matches_a_row_of_the_other_scheme()
    {
        using var pipeline = Pipeline([NewPepper], out var store);
        store.AddAccount(AccountToken);
        var key = ApiKeyFormat.Generate();
        store.AddSha256Key(key, AccountToken);

        Assert.That((await Resolve(pipeline, key)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [Test]
    public void Creating_a_key_for_an_unknown_account_is_not_found_and_stores_nothing()
    {
        using var pipeline = Pipeline([NewPepper], out var store);

        Assert.That(async () => await pipeline.Send(new CreateApiKeyCommand("no-such-account", "user", true)), Throws.TypeOf<NotFoundException>());
        Assert.That(store.Keys, Is.Empty);
    }

    [Test]
    public async Task A_key_revoked_by_key_or_by_id_stops_authenticating_and_revoking_again_finds_nothing()
    {
        using var pipeline = Pipeline([NewPepper, OldPepper], out var store);
        store.AddAccount(AccountToken);
        var first = await pipeline.Send(new CreateApiKeyCommand(AccountToken, "first", true));
        var second = await pipeline.Send(new CreateApiKeyCommand(AccountToken, "second", true));

        Assert.That(await pipeline.Send(new RevokeApiKeyCommand(first.ApiKey, null)), Is.EqualTo(new RevokeApiKeyResult(1)));
        Assert.That(await pipeline.Send(new RevokeApiKeyCommand(null, second.KeyId)), Is.EqualTo(new RevokeApiKeyResult(1)));
        Assert.That(await pipeline.Send(new RevokeApiKeyCommand(first.ApiKey, null)), Is.EqualTo(new RevokeApiKeyResult(0)));

        Assert.That((await Resolve(pipeline, first.ApiKey)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That((await Resolve(pipeline, second.ApiKey)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [Test]
    public async Task A_sha256_key_can_be_revoked_by_the_key_too()
    {
        using var pipeline = Pipeline([NewPepper], out var store);
        store.AddAccount(AccountToken);
        store.AddSha256Key("a-key-from-before", AccountToken);

        Assert.That(await pipeline.Send(new RevokeApiKeyCommand("a-key-from-before", null)), Is.EqualTo(new RevokeApiKeyResult(1)));
        Assert.That((await Resolve(pipeline, "a-key-from-before")).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
    }

    [TestCase(null, null)]
    [TestCase("demo-api-key", 3L)]
    [TestCase(null, 0L)]
    [TestCase("fleet_live_not-a-real-key", null)]
    public void A_revocation_names_exactly_one_well_formed_key(string? apiKey, long? keyId)
    {
        using var pipeline = Pipeline([NewPepper], out _);

        Assert.That(async () => await pipeline.Send(new RevokeApiKeyCommand(apiKey, keyId)), Throws.TypeOf<RequestValidationException>());
    }

    [Test]
    public void A_creation_needs_an_account_token_and_a_name()
    {
        using var pipeline = Pipeline([NewPepper], out _);

        var failure = Assert.ThrowsAsync<RequestValidationException>(async () => await pipeline.Send(new CreateApiKeyCommand("", new string('x', 201), true)));

        Assert.That(failure!.Errors.Keys, Is.EquivalentTo(new[] { "account-token", "name" }));
    }

    [TestCase(new string[0], ApiKeyOptions.MissingPepperMessage)]
    [TestCase(new[] { "" }, ApiKeyOptions.MissingPepperMessage)]
    [TestCase(new[] { "too-short" }, ApiKeyOptions.ShortPepperMessage)]
    [TestCase(new[] { NewPepper, OldPepper, NewPepper + "2", OldPepper + "3", NewPepper + "4" }, ApiKeyOptions.TooManyPeppersMessage)]
    public void The_pepper_configuration_is_validated_like_the_cursor_keys(string[] peppers, string message)
    {
        var services = new ServiceCollection().AddApplication(cursors => cursors.SigningKeys.Add(ApplicationPipeline.SigningKey), apiKeys =>
        {
            foreach (var pepper in peppers)
            {
                apiKeys.Pepper.Add(pepper);
            }
        });
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<ApiKeyOptions>>().Value);

        Assert.That(failure!.Failures, Does.Contain(message));
    }

    [Test]
    public void The_missing_pepper_message_says_which_variable_to_set()
    {
        Assert.That(ApiKeyOptions.MissingPepperMessage, Does.Contain("ApiKeys__Pepper__0"));
    }

    private static ApplicationPipeline Pipeline(IReadOnlyList<string> peppers, out InMemoryApiKeyStore store)
    {
        store = new InMemoryApiKeyStore();
        return new ApplicationPipeline(peppers: peppers, apiKeys: store);
    }

    private static Task<CallerResolution> Resolve(ApplicationPipeline pipeline, string key, string accountToken = AccountToken) =>
        pipeline.Send(new ResolveCallerQuery(key, accountToken));
}
