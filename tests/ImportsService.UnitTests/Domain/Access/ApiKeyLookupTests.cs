using ImportsService.Application.Access.ApiKeys;
using System.Security.Cryptography;
using System.Text;
using ImportsService.Domain.Access;

namespace ImportsService.UnitTests.Domain.Access;

public sealed class ApiKeyLookupTests
{
    private static readonly byte[] OldPepper = Encoding.UTF8.GetBytes("old-pepper-0123456789abcdefghijklmnop");
    private static readonly byte[] NewPepper = Encoding.UTF8.GetBytes("new-pepper-0123456789abcdefghijklmnop");

    [Test]
    public void An_issued_key_is_stored_as_its_hmac_sha256_under_the_pepper()
    {
        var key = ApiKeyFormat.Generate();

        Assert.That(ApiKeyHash.ComputePeppered(key, NewPepper), Is.EqualTo(HMACSHA256.HashData(NewPepper, Encoding.UTF8.GetBytes(key))));
        Assert.That(ApiKeyHash.ComputePeppered(key, NewPepper), Is.Not.EqualTo(ApiKeyHash.ComputePeppered(key, OldPepper)));
        Assert.That(ApiKeyHash.ComputePeppered(key, NewPepper), Is.Not.EqualTo(ApiKeyHash.Compute(key)));
    }

    [Test]
    public void A_peppered_lookup_carries_one_hash_per_pepper_in_the_peppers_order()
    {
        var key = ApiKeyFormat.Generate();

        var lookup = ApiKeyLookup.Peppered(key, [NewPepper, OldPepper]);

        Assert.That(lookup.Scheme, Is.EqualTo(ApiKeyHashScheme.HmacSha256));
        Assert.That(lookup.Hashes, Is.EqualTo(new[] { ApiKeyHash.ComputePeppered(key, NewPepper), ApiKeyHash.ComputePeppered(key, OldPepper) }));
    }

    [Test]
    public void After_rotation_a_key_hashed_under_the_old_pepper_still_matches()
    {
        var key = ApiKeyFormat.Generate();
        var storedBeforeRotation = ApiKeyHash.ComputePeppered(key, OldPepper);

        Assert.That(ApiKeyLookup.Peppered(key, [NewPepper, OldPepper]).Matches(storedBeforeRotation), Is.True);
        Assert.That(ApiKeyLookup.Peppered(key, [NewPepper]).Matches(storedBeforeRotation), Is.False, "once the old pepper is removed");
    }

    [Test]
    public void A_sha256_lookup_is_the_plain_hash_of_the_key()
    {
        var lookup = ApiKeyLookup.Sha256("demo-api-key");

        Assert.That(lookup.Scheme, Is.EqualTo(ApiKeyHashScheme.Sha256));
        Assert.That(lookup.Hashes, Is.EqualTo(new[] { SHA256.HashData(Encoding.UTF8.GetBytes("demo-api-key")) }));
        Assert.That(lookup.Matches(ApiKeyHash.Compute("demo-api-key")), Is.True);
        Assert.That(lookup.Matches(ApiKeyHash.Compute("other-api-key")), Is.False);
    }

    [Test]
    public void Matching_compares_every_byte_and_rejects_truncated_or_altered_hashes()
    {
        var key = ApiKeyFormat.Generate();
        var lookup = ApiKeyLookup.Peppered(key, [NewPepper, OldPepper]);
        var stored = ApiKeyHash.ComputePeppered(key, OldPepper);
        var altered = stored.ToArray();
        altered[^1] ^= 1;

        Assert.That(lookup.Matches(stored), Is.True);
        Assert.That(lookup.Matches(altered), Is.False);
        Assert.That(lookup.Matches(stored.AsSpan(0, 16)), Is.False);
        Assert.That(lookup.Matches([]), Is.False);
    }

    [Test]
    public void A_lookup_carries_one_to_four_hashes_of_32_bytes()
    {
        var hash = new byte[32];

        Assert.That(() => ApiKeyLookup.FromHashes(ApiKeyHashScheme.HmacSha256, []), Throws.ArgumentException);
        Assert.That(() => ApiKeyLookup.FromHashes(ApiKeyHashScheme.HmacSha256, [hash, hash, hash, hash, hash]), Throws.ArgumentException);
        Assert.That(() => ApiKeyLookup.FromHashes(ApiKeyHashScheme.HmacSha256, [new byte[16]]), Throws.ArgumentException);
        Assert.That(ApiKeyLookup.FromHashes(ApiKeyHashScheme.HmacSha256, [hash, hash, hash, hash]).Hashes, Has.Count.EqualTo(ApiKeyLookup.MaximumHashes));
    }

    [Test]
    public void A_lookup_keeps_its_own_copies_of_the_hashes()
    {
        var hash = new byte[32];
        var lookup = ApiKeyLookup.FromHashes(ApiKeyHashScheme.Sha256, [hash]);

        hash[0] = 1;

        Assert.That(lookup.Hashes[0][0], Is.Zero);
    }
}
