using System.Security.Cryptography;
using System.Text;
using ImportsService.Domain.Access;

namespace ImportsService.UnitTests.Domain.Access;

public sealed class ApiKeyHashTests
{
    [Test]
    public void A_key_is_stored_as_its_sha256_never_as_itself()
    {
        var hash = ApiKeyHash.Compute("demo-api-key");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(hash, Has.Length.EqualTo(ApiKeyHash.Length));
            Assert.That(hash, Is.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes("demo-api-key"))));
        }
    }

    [Test]
    public void Hashes_match_only_when_every_byte_matches()
    {
        var hash = ApiKeyHash.Compute("demo-api-key");
        var other = (byte[])hash.Clone();
        other[^1] ^= 1;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ApiKeyHash.Matches(hash, ApiKeyHash.Compute("demo-api-key")), Is.True);
            Assert.That(ApiKeyHash.Matches(hash, other), Is.False);
            Assert.That(ApiKeyHash.Matches(hash, hash.AsSpan(0, 16)), Is.False);
        }
    }
}
