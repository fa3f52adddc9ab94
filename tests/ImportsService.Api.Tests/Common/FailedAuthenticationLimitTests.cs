using System.Net;
using ImportsService.Api.Forwarding;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Domain.Access;
using ImportsService.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// The per-address budget counts failed authentications only; the address is the connection's, or the
/// X-Forwarded-For of a configured proxy; IPv6 clients share a budget per /64.
/// </summary>
public sealed class FailedAuthenticationLimitTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";

    [Test]
    public async Task Authenticated_requests_spend_nothing_of_the_address_budget()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "2"));
        using var tenant = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host).From("198.51.100.7");
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From("198.51.100.7");

        for (var i = 0; i < 10; i++)
        {
            using var ok = await tenant.GetAsync(Page);
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var firstGuess = await guesser.GetAsync(Page);
        using var secondGuess = await guesser.GetAsync(Page);
        using var thirdGuess = await guesser.GetAsync(Page);

        Assert.That(firstGuess.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(secondGuess.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var problem = await thirdGuess.AssertProblemAsync(HttpStatusCode.TooManyRequests, ApiHost.ImportsPath);
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("https://tools.ietf.org/html/rfc6585#section-4"));
        Assert.That(thirdGuess.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public async Task A_spent_address_is_refused_without_looking_its_key_up_even_a_valid_one()
    {
        var lookUps = 0;
        await using var host = CountingHost(_ => Interlocked.Increment(ref lookUps), ("RateLimiting:PermitsPerClientPerWindow", "1"));
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From("198.51.100.9");
        using var tenant = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host).From("198.51.100.9");

        using var guess = await guesser.GetAsync(Page);
        using var anotherGuess = await guesser.GetAsync(Page);
        using var validKey = await tenant.GetAsync(Page);

        Assert.That(new[] { guess.StatusCode, anotherGuess.StatusCode, validKey.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }));
        Assert.That(lookUps, Is.EqualTo(1), "only the first guess reached the key store; the valid key was new to this instance");
    }

    [Test]
    public async Task A_tenant_the_instance_has_served_keeps_getting_200_while_a_guesser_at_its_address_floods_wrong_keys()
    {
        var guessHash = ApiKeyHash.Compute("guessed-key");
        var guessLookUps = 0;
        await using var host = CountingHost(
            hash => { if (hash.AsSpan().SequenceEqual(guessHash)) Interlocked.Increment(ref guessLookUps); },
            ("RateLimiting:PermitsPerClientPerWindow", "20"), ("RateLimiting:WindowSeconds", "3600"), ("Access:CallerCache:Seconds", "1"));
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From("198.51.100.10");
        using var tenant = ApiHost.Client(DemoTenants.OtherApiKey, DemoTenants.OtherAccountToken, host).From("198.51.100.10");
        using (var before = await tenant.GetAsync(Page))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using var flooding = new CancellationTokenSource();
        var flood = Task.Run(async () =>
        {
            var answers = new List<HttpStatusCode>();
            while (!flooding.IsCancellationRequested || answers.Count < 300)
            {
                using var answer = await guesser.GetAsync(Page, CancellationToken.None);
                answers.Add(answer.StatusCode);
            }

            return answers;
        });
        var served = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            // Past the cache's 1 s halfway through: the tenant's key is looked up again rather than refused.
            await Task.Delay(i == 15 ? 1100 : 20);
            using var response = await tenant.GetAsync(Page);
            served.Add(response.StatusCode);
        }

        await flooding.CancelAsync();
        var guesses = await flood;

        Assert.That(served, Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(guesses.Take(20), Is.All.EqualTo(HttpStatusCode.Unauthorized), "the budget admits the guesses it always did");
        Assert.That(guesses.Skip(20), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(guesses, Has.Count.GreaterThanOrEqualTo(300));
        Assert.That(guessLookUps, Is.EqualTo(20), "a refused guess costs no look-up");
    }

    [Test]
    public async Task Refused_accounts_spend_the_budget_like_unknown_keys()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "2"));
        using var prober = ApiHost.Client(DemoTenants.DemoApiKey, "guessed-account-token", host).From("198.51.100.8");

        using var first = await prober.GetAsync(Page);
        using var second = await prober.GetAsync(Page);
        using var third = await prober.GetAsync(Page);

        Assert.That(new[] { first.StatusCode, second.StatusCode, third.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task Without_configured_proxies_x_forwarded_for_is_ignored()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "1"));

        using var first = await Guess(host, peer: "10.0.0.1", forwardedFor: "203.0.113.5");
        using var second = await Guess(host, peer: "10.0.0.1", forwardedFor: "203.0.113.6");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the two forwarded clients share the proxy's budget");
    }

    [Test]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "1"), ("ForwardedHeaders:KnownProxies:0", "10.0.0.1"));

        using var first = await Guess(host, peer: "10.0.0.1", forwardedFor: "203.0.113.5");
        using var again = await Guess(host, peer: "10.0.0.1", forwardedFor: "203.0.113.5");
        using var other = await Guess(host, peer: "10.0.0.1", forwardedFor: "203.0.113.6");

        Assert.That(new[] { first.StatusCode, again.StatusCode, other.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized }));
    }

    [Test]
    public async Task A_known_network_is_trusted_and_an_unknown_proxy_is_not()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "1"), ("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16"));

        using var viaTrusted = await Guess(host, peer: "10.1.2.3", forwardedFor: "203.0.113.5");
        using var viaTrustedOther = await Guess(host, peer: "10.1.9.9", forwardedFor: "203.0.113.6");
        using var viaStranger = await Guess(host, peer: "10.2.0.1", forwardedFor: "203.0.113.7");
        using var strangerAgain = await Guess(host, peer: "10.2.0.1", forwardedFor: "203.0.113.8");

        Assert.That(new[] { viaTrusted.StatusCode, viaTrustedOther.StatusCode, viaStranger.StatusCode, strangerAgain.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
    }

    [Test]
    public async Task Ipv6_clients_share_a_budget_per_64()
    {
        await using var host = Host(("RateLimiting:PermitsPerClientPerWindow", "1"));

        using var first = await Guess(host, peer: "2001:db8:1:2::1");
        using var sameBlock = await Guess(host, peer: "2001:db8:1:2:ffff:ffff:ffff:fffe");
        using var nextBlock = await Guess(host, peer: "2001:db8:1:3::1");

        Assert.That(new[] { first.StatusCode, sameBlock.StatusCode, nextBlock.StatusCode },
            Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized }));
    }

    [Test]
    public void A_proxy_that_is_not_an_address_stops_start_up()
    {
        using var host = Host(("ForwardedHeaders:KnownProxies:0", "proxy.example"));

        var failure = Assert.Catch(() => _ = host.Server);

        Assert.That(failure?.ToString(), Does.Contain("ForwardedHeaders:KnownProxies"));
    }

    [TestCase(null, "unknown")]
    [TestCase("192.0.2.1", "192.0.2.1")]
    [TestCase("::ffff:192.0.2.1", "192.0.2.1")]
    [TestCase("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [TestCase("2001:db8::1", "2001:db8::/64")]
    [TestCase("::1", "::/64")]
    public void Client_partition_keys(string? address, string expected) =>
        Assert.That(ClientAddress.PartitionKey(address is null ? null : IPAddress.Parse(address)), Is.EqualTo(expected));

    private sealed class CountingReader(ICallerAccessReader inner, Action<byte[]> counted) : ICallerAccessReader
    {
        public Task<CallerAccessRow?> FindAsync(byte[] apiKeyHash, string accountToken, CancellationToken cancellationToken)
        {
            counted(apiKeyHash);
            return inner.FindAsync(apiKeyHash, accountToken, cancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> Guess(ImportsApiFactory host, string peer, string? forwardedFor = null)
    {
        using var client = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From(peer);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.GetAsync(Page);
    }

    /// <summary>A host whose key store reports each look-up (by the key's SHA-256) to <paramref name="counted"/>.</summary>
    private static ImportsApiFactory CountingHost(Action<byte[]> counted, params (string Key, string Value)[] settings) =>
        new(ApiHost.DatabasePath,
            settings: settings.ToDictionary(s => s.Key, s => s.Value),
            configureServices: services =>
            {
                services.AddSingleton<IStartupFilter, PeerAddressFilter>();
                var real = services.Last(d => d.ServiceType == typeof(ICallerAccessReader));
                services.Remove(real);
                services.AddSingleton<ICallerAccessReader>(provider =>
                    new CountingReader((ICallerAccessReader)ActivatorUtilities.CreateInstance(provider, real.ImplementationType!), counted));
            });

    private static ImportsApiFactory Host(params (string Key, string Value)[] settings) =>
        new(ApiHost.DatabasePath,
            settings: settings.ToDictionary(s => s.Key, s => s.Value),
            configureServices: services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
}
