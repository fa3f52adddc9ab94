using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CsCheck;
using ImportsService.Domain.Imports;

using ImportsService.Application.Imports.Cursors;
using ImportsService.UnitTests.Domain.Imports;

namespace ImportsService.UnitTests.Application.Imports.Cursors;

public sealed partial class ImportCursorCodecTests
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly byte[] CurrentKey = Key(1);
    private static readonly byte[] PreviousKey = Key(2);
    private readonly ImportCursorCodec codec = new(new CursorKeyRing([CurrentKey]));

    /// <summary>The biggest cursor there is: every field present and at the far end of its range.</summary>
    private static readonly ImportCursor LargestCursor = new(
        long.MinValue,
        new ImportListing(
            new ImportFilter(
                ImportStatusSet.FromMask((1 << 10) - 1),
                new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.MinValue), new TimestampBound(BoundOperator.LessThanOrEqual, UtcTimestamp.MinValue)),
                new TimeRange(new TimestampBound(BoundOperator.GreaterThan, UtcTimestamp.MinValue), new TimestampBound(BoundOperator.LessThan, UtcTimestamp.MinValue))),
            new ImportSort(ImportSortKey.UpdatedAt, SortDirection.Descending)),
        ListingLimits.MaxPerPage,
        new KeysetPosition(UtcTimestamp.MinValue, long.MaxValue));

    private static readonly ImportCursor SomeCursor = new(
        7,
        new ImportListing(
            new ImportFilter(
                ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete),
                new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.FromUnixMicroseconds(1_704_067_200_000_000)), null),
                TimeRange.Unbounded),
            new ImportSort(ImportSortKey.CreatedAt, SortDirection.Descending)),
        25,
        new KeysetPosition(UtcTimestamp.FromUnixMicroseconds(1_732_184_130_123_456), 4_242));

    [Test]
    public void Any_cursor_survives_encoding_for_its_own_account()
    {
        ImportGen.Cursor.Sample(cursor =>
            codec.TryDecode(codec.Encode(cursor), cursor.AccountId, out var decoded) && decoded == cursor,
            iter: 5_000);
    }

    [Test]
    public void The_largest_cursor_survives_encoding()
    {
        Assert.That(codec.TryDecode(codec.Encode(LargestCursor), LargestCursor.AccountId, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(LargestCursor));
    }

    [Test]
    public void Any_cursor_is_url_safe_text_well_under_256_characters()
    {
        ImportGen.Cursor.Sample(cursor =>
        {
            var token = codec.Encode(cursor);
            return UrlSafe().IsMatch(token) && token.Length < 256;
        }, iter: 5_000);
    }

    [Test]
    public void The_largest_cursor_is_url_safe_and_well_under_256_characters()
    {
        var token = codec.Encode(LargestCursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(token, Does.Match(UrlSafe()));
            Assert.That(token, Has.Length.LessThan(128), "well under 256");
        }
    }

    [Test]
    public void Encoding_is_deterministic_so_a_page_has_one_start_cursor()
    {
        Assert.That(codec.Encode(SomeCursor), Is.EqualTo(new ImportCursorCodec(new CursorKeyRing([CurrentKey])).Encode(SomeCursor)));
    }

    [Test]
    public void Changing_any_character_of_a_cursor_to_any_other_is_rejected()
    {
        foreach (var cursor in new[] { SomeCursor, LargestCursor, SomeCursor with { After = null, Listing = ImportListing.Default } })
        {
            var token = codec.Encode(cursor);
            var accepted = new List<string>();
            for (var i = 0; i < token.Length; i++)
            {
                foreach (var replacement in Base64UrlAlphabet + "+/=. %")
                {
                    var forged = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
                    if (forged != token && codec.TryDecode(forged, cursor.AccountId, out _))
                    {
                        accepted.Add($"{i}:{token[i]}->{replacement}");
                    }
                }
            }

            Assert.That(accepted, Is.Empty, token);
        }
    }

    [Test]
    public void Changing_any_byte_of_a_cursor_to_any_other_value_is_rejected()
    {
        foreach (var cursor in new[] { SomeCursor, LargestCursor })
        {
            var raw = Base64Url.DecodeFromChars(codec.Encode(cursor));
            var accepted = new List<string>();
            for (var i = 0; i < raw.Length; i++)
            {
                for (var delta = 1; delta < 256; delta++)
                {
                    var forged = (byte[])raw.Clone();
                    forged[i] = (byte)(forged[i] + delta);
                    if (codec.TryDecode(Base64Url.EncodeToString(forged), cursor.AccountId, out _))
                    {
                        accepted.Add($"byte {i} += {delta}");
                    }
                }
            }

            Assert.That(accepted, Is.Empty);
        }
    }

    [Test]
    public void Changing_one_random_byte_of_any_cursor_is_rejected()
    {
        Gen.Select(ImportGen.Cursor, Gen.Int.Positive, Gen.Int[1, 255]).Sample((cursor, at, delta) =>
        {
            var raw = Base64Url.DecodeFromChars(codec.Encode(cursor));
            raw[at % raw.Length] = (byte)(raw[at % raw.Length] + delta);
            return !codec.TryDecode(Base64Url.EncodeToString(raw), cursor.AccountId, out _);
        }, iter: 5_000);
    }

    [Test]
    public void Removing_or_adding_a_character_is_rejected()
    {
        var token = codec.Encode(SomeCursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(codec.TryDecode(token[..^1], SomeCursor.AccountId, out _), Is.False);
            Assert.That(codec.TryDecode(token[1..], SomeCursor.AccountId, out _), Is.False);
            Assert.That(codec.TryDecode(token + "A", SomeCursor.AccountId, out _), Is.False);
            Assert.That(codec.TryDecode("A" + token, SomeCursor.AccountId, out _), Is.False);
        }
    }

    [TestCase(" ")]
    [TestCase("\t")]
    [TestCase("\n")]
    [TestCase("\r\n")]
    public void A_cursor_with_whitespace_inside_or_around_it_is_malformed(string whitespace)
    {
        var token = codec.Encode(SomeCursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(codec.TryDecode(string.Concat(token.AsSpan(0, 5), whitespace, token.AsSpan(5)), SomeCursor.AccountId, out _), Is.False, "inside");
            Assert.That(codec.TryDecode(token + whitespace, SomeCursor.AccountId, out _), Is.False, "after");
            Assert.That(codec.TryDecode(whitespace + token, SomeCursor.AccountId, out _), Is.False, "before");
        }
    }

    [Test]
    public void A_cursor_of_another_account_is_rejected()
    {
        var token = codec.Encode(SomeCursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(codec.TryDecode(token, SomeCursor.AccountId + 1, out var cursor), Is.False);
            Assert.That(cursor, Is.Null);
            Assert.That(codec.TryDecode(token, -SomeCursor.AccountId, out _), Is.False);
        }
    }

    [Test]
    public void Any_cursor_is_rejected_for_any_other_account()
    {
        Gen.Select(ImportGen.Cursor, Gen.Long).Sample(
            (cursor, otherAccount) => otherAccount == cursor.AccountId || !codec.TryDecode(codec.Encode(cursor), otherAccount, out _),
            iter: 2_000);
    }

    [TestCase(0)]
    [TestCase(2)]
    [TestCase(255)]
    public void A_correctly_signed_cursor_of_an_unknown_version_is_rejected(byte version)
    {
        var payload = Payload(codec.Encode(SomeCursor));
        payload[0] = version;

        Assert.That(codec.TryDecode(SignLikeTheServer(payload, CurrentKey), SomeCursor.AccountId, out _), Is.False);
    }

    [Test]
    public void A_correctly_signed_cursor_with_bytes_after_its_content_is_rejected()
    {
        byte[] payload = [.. Payload(codec.Encode(SomeCursor)), 0];

        Assert.That(codec.TryDecode(SignLikeTheServer(payload, CurrentKey), SomeCursor.AccountId, out _), Is.False);
    }

    [Test]
    public void A_correctly_signed_cursor_cut_short_is_rejected()
    {
        var payload = Payload(codec.Encode(SomeCursor));

        for (var length = 1; length < payload.Length; length++)
        {
            Assert.That(codec.TryDecode(SignLikeTheServer(payload[..length], CurrentKey), SomeCursor.AccountId, out _), Is.False, $"length {length}");
        }
    }

    [Test]
    public void The_same_forgery_signed_by_the_server_key_is_accepted_so_the_forgery_tests_above_test_the_signature()
    {
        var token = codec.Encode(SomeCursor);

        Assert.That(SignLikeTheServer(Payload(token), CurrentKey), Is.EqualTo(token));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("x")]
    [TestCase("not a cursor")]
    [TestCase("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [TestCase("eyJpZCI6NDJ9")]
    [TestCase("AQcEAAK68Kc2nmQR+C3TJVZr4XJg")]
    [TestCase("AQcEAAK68Kc2nmQR/C3TJVZr4XJg==")]
    public void Garbage_is_rejected_without_an_exception(string? token)
    {
        Assert.That(codec.TryDecode(token, 7, out var cursor), Is.False);
        Assert.That(cursor, Is.Null);
    }

    [Test]
    public void Random_bytes_are_rejected_without_an_exception()
    {
        Gen.Byte.Array[0, 120].Sample(bytes => !codec.TryDecode(Base64Url.EncodeToString(bytes), 7, out _), iter: 5_000);
    }

    [Test]
    public void A_token_longer_than_any_cursor_is_rejected_before_it_is_decoded()
    {
        var valid = codec.Encode(SomeCursor);
        var tooLong = valid + new string('A', 256 - valid.Length);

        Assert.That(codec.TryDecode(tooLong, SomeCursor.AccountId, out _), Is.False);
        Assert.That(codec.TryDecode(new string('A', 100_000), SomeCursor.AccountId, out _), Is.False);
    }

    [Test]
    public void A_cursor_signed_with_the_previous_key_is_accepted_while_that_key_is_listed_after_the_new_one()
    {
        var oldToken = new ImportCursorCodec(new CursorKeyRing([PreviousKey])).Encode(SomeCursor);
        var rotated = new ImportCursorCodec(new CursorKeyRing([CurrentKey, PreviousKey]));

        Assert.That(rotated.TryDecode(oldToken, SomeCursor.AccountId, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(SomeCursor));
    }

    [Test]
    public void After_rotation_new_cursors_are_signed_with_the_first_key()
    {
        var rotated = new ImportCursorCodec(new CursorKeyRing([CurrentKey, PreviousKey]));

        Assert.That(rotated.Encode(SomeCursor), Is.EqualTo(new ImportCursorCodec(new CursorKeyRing([CurrentKey])).Encode(SomeCursor)));
    }

    [Test]
    public void A_cursor_signed_with_a_key_that_was_removed_is_rejected()
    {
        var oldToken = new ImportCursorCodec(new CursorKeyRing([PreviousKey])).Encode(SomeCursor);

        Assert.That(codec.TryDecode(oldToken, SomeCursor.AccountId, out _), Is.False);
    }

    [Test]
    public void A_cursor_signed_with_an_unknown_key_is_rejected()
    {
        var forged = new ImportCursorCodec(new CursorKeyRing([Key(99)])).Encode(SomeCursor);

        Assert.That(new ImportCursorCodec(new CursorKeyRing([CurrentKey, PreviousKey])).TryDecode(forged, SomeCursor.AccountId, out _), Is.False);
    }

    [Test]
    public void The_codec_needs_at_least_one_key()
    {
        Assert.Throws<ArgumentException>(() => _ = new ImportCursorCodec(new CursorKeyRing([])));
        Assert.Throws<ArgumentNullException>(() => _ = new ImportCursorCodec(null!));
    }

    [Test]
    public void Every_key_needs_at_least_32_bytes()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentException>(() => _ = new ImportCursorCodec(new CursorKeyRing([new byte[31]])));
            Assert.Throws<ArgumentException>(() => _ = new ImportCursorCodec(new CursorKeyRing([CurrentKey, new byte[31]])));
            Assert.DoesNotThrow(() => _ = new ImportCursorCodec(new CursorKeyRing([new byte[CursorSigningOptions.MinimumKeyBytes]])));
        }
    }

    [Test]
    public void The_codec_keeps_its_own_copy_of_the_keys()
    {
        var key = Key(5);
        var keyed = new ImportCursorCodec(new CursorKeyRing([key]));
        var token = keyed.Encode(SomeCursor);
        key[0] ^= 0xFF;

        Assert.That(keyed.TryDecode(token, SomeCursor.AccountId, out _), Is.True);
    }

    private static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(seed * 31 + i)).ToArray();

    private static byte[] Payload(string token) => Base64Url.DecodeFromChars(token)[..^16];

    /// <summary>Signs as the codec's documented layout says: the first 16 bytes of HMAC-SHA256 of the payload.</summary>
    private static string SignLikeTheServer(byte[] payload, byte[] key) =>
        Base64Url.EncodeToString([.. payload, .. HMACSHA256.HashData(key, payload)[..16]]);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex UrlSafe();
}
