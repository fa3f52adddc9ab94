using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImportsService.UnitTests.Application.Access.ResolveCaller;

/// <summary>The caller cache saves database look-ups and never serves an answer older than its TTL.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CallerResolutionCacheTests
{
    private const string Key = "a-long-random-api-key";
    private const string AccountToken = "account-token";
    private static readonly byte[] KeyHash = ApiKeyHash.Compute(Key);

    private readonly FakeTimeProvider time = new();
    private readonly InMemoryCallerAccessReader callers = new();

    [Test]
    public async Task Within_the_ttl_a_caller_is_resolved_from_memory()
    {
        using var services = Build(seconds: 10);
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));

        var first = await Resolve(services, Key, AccountToken);
        time.Advance(TimeSpan.FromSeconds(9));
        var second = await Resolve(services, Key, AccountToken);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(callers.Lookups, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_revoked_key_stops_working_once_the_ttl_has_passed()
    {
        using var services = Build(seconds: 10);
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));
        Assert.That((await Resolve(services, Key, AccountToken)).Standing, Is.EqualTo(CallerStanding.MayReadImports));

        callers.Remove(KeyHash);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That((await Resolve(services, Key, AccountToken)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That(callers.Lookups, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Another_account_token_or_key_is_another_entry()
    {
        using var services = Build(seconds: 10);
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));
        callers.Add(KeyHash, "other-token", new CallerAccessRow(11, KeyHash, AccountId: null, CanReadImports: false));

        var mine = await Resolve(services, Key, AccountToken);
        var other = await Resolve(services, Key, "other-token");
        var unknown = await Resolve(services, "another-key", AccountToken);
        await Resolve(services, Key, AccountToken);
        await Resolve(services, Key, "other-token");

        Assert.That(mine.Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That(other.Standing, Is.EqualTo(CallerStanding.Forbidden));
        Assert.That(unknown.Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That(callers.Lookups, Has.Count.EqualTo(3), "each pair asked once, then answered from its own entry");
    }

    [Test]
    public async Task Zero_seconds_turns_the_cache_off()
    {
        using var services = Build(seconds: 0);
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));

        await Resolve(services, Key, AccountToken);
        await Resolve(services, Key, AccountToken);

        Assert.That(callers.Lookups, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_full_cache_stays_within_its_capacity_keeps_what_it_has_and_still_answers_correctly()
    {
        using var services = Build(seconds: 10, capacity: 2);
        foreach (var token in new[] { "a", "b", "c", "d", AccountToken })
        {
            callers.Add(KeyHash, token, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));
        }

        foreach (var token in new[] { "a", "b", "c", "d" })
        {
            await Resolve(services, Key, token);
        }

        Assert.That((await Resolve(services, Key, AccountToken)).Standing, Is.EqualTo(CallerStanding.MayReadImports));
        Assert.That(callers.Lookups, Has.Count.EqualTo(5));
        await Resolve(services, Key, "a");
        await Resolve(services, Key, "c");
        Assert.That(callers.Lookups, Has.Count.EqualTo(6), "a, cached before the cache filled, stays; c, refused room, is asked again");
    }

    [Test]
    public async Task An_unknown_key_is_never_cached_so_guesses_cannot_crowd_out_real_callers()
    {
        using var services = Build(seconds: 10, capacity: 2);

        await Resolve(services, "guess-1", AccountToken);
        await Resolve(services, "guess-1", AccountToken);
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));
        await Resolve(services, Key, AccountToken);
        await Resolve(services, Key, AccountToken);

        Assert.That(callers.Lookups, Has.Count.EqualTo(3), "both guesses asked the store; the real key once");
    }

    [Test]
    public async Task A_pair_that_resolved_stays_known_past_its_ttl_until_it_no_longer_resolves()
    {
        using var services = Build(seconds: 10);
        var known = services.GetRequiredService<IKnownCallers>();
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));
        Assert.That(known.IsKnown(Key, AccountToken), Is.False, "never resolved yet");

        await Resolve(services, Key, AccountToken);
        time.Advance(TimeSpan.FromSeconds(60));
        Assert.That(known.IsKnown(Key, AccountToken), Is.True, "expired, but it did resolve");

        callers.Remove(KeyHash);
        Assert.That((await Resolve(services, Key, AccountToken)).Standing, Is.EqualTo(CallerStanding.Unauthenticated));
        Assert.That(known.IsKnown(Key, AccountToken), Is.False, "revoked: forgotten as soon as the store says so");
    }

    [Test]
    public async Task Unknown_keys_forbidden_pairs_and_a_cache_turned_off_know_nobody()
    {
        using var services = Build(seconds: 10);
        using var off = Build(seconds: 0);
        callers.Add(KeyHash, AccountToken, new CallerAccessRow(11, KeyHash, 21, CanReadImports: true));
        callers.Add(KeyHash, "other-token", new CallerAccessRow(11, KeyHash, AccountId: null, CanReadImports: false));

        await Resolve(services, "guess-1", AccountToken);
        await Resolve(services, Key, "other-token");
        await Resolve(off, Key, AccountToken);

        Assert.That(services.GetRequiredService<IKnownCallers>().IsKnown("guess-1", AccountToken), Is.False);
        Assert.That(services.GetRequiredService<IKnownCallers>().IsKnown(Key, "other-token"), Is.False);
        Assert.That(off.GetRequiredService<IKnownCallers>().IsKnown(Key, AccountToken), Is.False);
    }

    [Test]
    public void A_ttl_over_30_seconds_is_refused_at_start()
    {
        using var services = Build(seconds: 31);

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CallerCacheOptions>>().Value.ToString());
    }

    private ServiceProvider Build(int seconds, int capacity = 100)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddApplication(cursors => cursors.SigningKeys.Add(ApplicationPipeline.SigningKey));
        collection.Configure<CallerCacheOptions>(o =>
        {
            o.Seconds = seconds;
            o.Capacity = capacity;
        });
        collection.AddSingleton<ICallerAccessReader>(callers);
        return collection.BuildServiceProvider();
    }

    private static async Task<CallerResolution> Resolve(IServiceProvider services, string key, string accountToken)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ResolveCallerQuery(key, accountToken));
    }
}
