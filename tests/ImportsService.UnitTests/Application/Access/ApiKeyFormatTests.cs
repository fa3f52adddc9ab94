using ImportsService.Application.Access.ApiKeys;
using ImportsService.Domain.Access;

namespace ImportsService.UnitTests.Application.Access;

public sealed class ApiKeyFormatTests
{
    [Test]
    public void A_generated_key_has_the_prefix_the_secret_and_a_checksum_that_matches()
    {
        var key = ApiKeyFormat.Generate();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(key, Has.Length.EqualTo(50));
            Assert.That(key, Does.Match("^fleet_live_[0-9A-Za-z]{32}_[0-9A-Za-z]{6}$"));
            Assert.That(key[^6..], Is.EqualTo(ApiKeyFormat.Checksum(key.AsSpan(0, key.Length - 7))));
            Assert.That(ApiKeyFormat.Classify(key), Is.EqualTo(ApiKeyKind.Issued));
        }
    }

    [Test]
    public void Generated_keys_differ_and_use_the_whole_alphabet()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ApiKeyFormat.Generate()).ToArray();
        var secrets = string.Concat(keys.Select(k => k[ApiKeyFormat.Prefix.Length..^7]));

        Assert.That(keys.Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(keys.Length));
        Assert.That(secrets.Distinct().Count(), Is.EqualTo(62), "every base62 character shows up in 6,400 random characters");
    }

    [Test]
    public void The_checksum_is_the_crc32_of_the_body_in_six_base62_digits()
    {
        // The CRC-32/IEEE check value of "123456789" is 0xCBF43926 = 3,421,780,262, in base 62 (digits 0-9A-Za-z) most significant first.
        Assert.That(ApiKeyFormat.Checksum("123456789"), Is.EqualTo("3jZRME"));
        Assert.That(ApiKeyFormat.Checksum(string.Empty), Is.EqualTo("000000"), "zero-padded");
    }

    [Test]
    public void A_key_issued_before_the_checksum_came_from_system_io_hashing_still_classifies_as_issued()
    {
        // Issued with the checksum of the hand-written CRC-32 this project had until issue 14 (and zlib's agrees).
        const string issued = "fleet_live_Tq8ZkW3xPd0LmN5vRb7YcH2sJf9GaE4u_3uHk3O";

        Assert.That(ApiKeyFormat.Classify(issued), Is.EqualTo(ApiKeyKind.Issued));
        Assert.That(ApiKeyFormat.Checksum(issued.AsSpan(0, issued.Length - 7)), Is.EqualTo("3uHk3O"));
    }

    [Test]
    public void A_key_with_a_wrong_checksum_is_malformed()
    {
        var key = ApiKeyFormat.Generate();
        var last = key[^1];
        var tampered = key[..^1] + (last == 'a' ? 'b' : 'a');

        Assert.That(ApiKeyFormat.Classify(tampered), Is.EqualTo(ApiKeyKind.Malformed));
    }

    [Test]
    public void A_key_with_one_secret_character_changed_is_malformed()
    {
        var key = ApiKeyFormat.Generate();
        var position = ApiKeyFormat.Prefix.Length + 5;
        var tampered = key[..position] + (key[position] == 'Q' ? 'R' : 'Q') + key[(position + 1)..];

        Assert.That(ApiKeyFormat.Classify(tampered), Is.EqualTo(ApiKeyKind.Malformed), "CRC-32 catches every single-character change");
    }

    [TestCase("fleet_live_")]
    [TestCase("fleet_live_abc")]
    [TestCase("fleet_live_0123456789ABCDEFGHIJKLMNOPQRSTUV")]
    [TestCase("fleet_live_0123456789ABCDEFGHIJKLMNOPQRSTUV_00000")]
    [TestCase("fleet_live_0123456789ABCDEFGHIJKLMNOPQRSTUV_0000000")]
    [TestCase("fleet_live_0123456789ABCDEFGHIJKLMNOPQRSTUVx000000")]
    public void A_key_with_the_prefix_and_the_wrong_shape_is_malformed(string key)
    {
        Assert.That(ApiKeyFormat.Classify(key), Is.EqualTo(ApiKeyKind.Malformed));
    }

    [Test]
    public void A_key_with_a_character_outside_base62_is_malformed_even_with_a_matching_checksum()
    {
        var body = "fleet_live_0123456789ABCDEFGHIJKLMNOPQRS-UV";
        var key = body + "_" + ApiKeyFormat.Checksum(body);

        Assert.That(ApiKeyFormat.Classify(key), Is.EqualTo(ApiKeyKind.Malformed));
    }

    [TestCase("demo-api-key")]
    [TestCase("other-api-key")]
    [TestCase("no-access-api-key")]
    [TestCase("FLEET_LIVE_0123456789ABCDEFGHIJKLMNOPQRSTUV_000000")]
    [TestCase("fleet_test_0123456789ABCDEFGHIJKLMNOPQRSTUV_000000")]
    public void A_key_without_the_prefix_is_a_key_from_before_the_format(string key)
    {
        Assert.That(ApiKeyFormat.Classify(key), Is.EqualTo(ApiKeyKind.Legacy));
    }
}
