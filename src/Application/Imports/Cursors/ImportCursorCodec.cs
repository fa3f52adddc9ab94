using System.Buffers.Text;
using System.Security.Cryptography;
using ImportsService.Application.Common.Telemetry;
using ImportsService.Domain.Imports;

namespace ImportsService.Application.Imports.Cursors;

/// <summary>
/// Turns an <see cref="ImportCursor"/> into a short, URL-safe, versioned token signed with HMAC-SHA256,
/// and back: the transport form of a cursor. The key ring's first key signs; every key verifies, so a key
/// can be rotated by putting the new one first and keeping the old one until the cursors it signed have aged out.
/// </summary>
/// <remarks>
/// Layout of version 1, before base64url: version byte, account id, flags, optional status mask,
/// optional bounds, page size, optional position (all integers as LEB128 varints, signed ones
/// zig-zagged), then the first 16 bytes of the HMAC of everything before it. The varints are the framework's 7-bit
/// encoding (<see cref="BinaryWriter.Write7BitEncodedInt64"/>), byte for byte the LEB128 this codec wrote by hand
/// before; IssuedCursorTests holds tokens issued by that code.
/// </remarks>
public sealed class ImportCursorCodec
{
    private const byte Version1 = 1;
    private const int TagBytes = 16;
    private const int MaxTokenChars = 255;

    private readonly ICursorKeyRing keys;

    public ImportCursorCodec(ICursorKeyRing keys) => this.keys = keys ?? throw new ArgumentNullException(nameof(keys));

    public string Encode(ImportCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        using var buffer = new MemoryStream(96);
        using var payload = new BinaryWriter(buffer);
        payload.Write(Version1);
        var listing = cursor.Listing;
        var filter = listing.Filter;

        WriteUnsigned(payload, (ulong)cursor.AccountId);
        var flags = (int)listing.Sort.Key
                    | ((int)listing.Sort.Direction << 2)
                    | (filter.Statuses is null ? 0 : 1 << 3)
                    | (cursor.After is null ? 0 : 1 << 4);
        payload.Write((byte)flags);
        if (filter.Statuses is { } statuses)
        {
            WriteUnsigned(payload, (ulong)statuses.Mask);
        }

        // One byte says which of the four bounds are present and with which operator.
        var bounds = new[] { filter.CreatedAt.Lower, filter.CreatedAt.Upper, filter.UpdatedAt.Lower, filter.UpdatedAt.Upper };
        var boundFlags = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (bounds[i] is { } bound)
            {
                boundFlags |= (bound.Operator.IsInclusive() ? 2 : 1) << (i * 2);
            }
        }

        payload.Write((byte)boundFlags);
        foreach (var bound in bounds)
        {
            if (bound is { } b)
            {
                WriteSigned(payload, b.Value.UnixMicroseconds);
            }
        }

        WriteUnsigned(payload, (ulong)cursor.PerPage);
        if (cursor.After is { } after)
        {
            if (listing.Sort.Key != ImportSortKey.Id)
            {
                WriteSigned(payload, (after.Timestamp ?? throw new ArgumentException("A timestamp sort needs a timestamp position.", nameof(cursor))).UnixMicroseconds);
            }

            WriteUnsigned(payload, (ulong)after.Id);
        }

        payload.Flush();
        var bytes = buffer.ToArray();
        var tag = Sign(keys.SigningKey, bytes);
        return Base64Url.EncodeToString([.. bytes, .. tag]);
    }

    /// <summary>
    /// Verifies and reads a token. Every way a token can be wrong (not base64url, too short or long,
    /// unknown version, bad signature, another account, inconsistent content) is the same <c>false</c>.
    /// </summary>
    public bool TryDecode(string? token, long expectedAccountId, out ImportCursor? cursor)
    {
        cursor = null;
        // Base64Url.IsValid tolerates white space; a cursor is exactly the URL-safe alphabet.
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenChars || !token.All(IsUrlSafe) || !Base64Url.IsValid(token))
        {
            return Rejected("malformed");
        }

        var raw = Base64Url.DecodeFromChars(token);
        if (raw.Length <= TagBytes + 1)
        {
            return Rejected("malformed");
        }

        var payload = raw.AsSpan(0, raw.Length - TagBytes);
        var tag = raw.AsSpan(raw.Length - TagBytes);
        var verified = false;
        foreach (var key in keys.VerificationKeys)
        {
            // FixedTimeEquals: how far a forged tag matches must not show in the response time.
            verified |= CryptographicOperations.FixedTimeEquals(Sign(key, payload), tag);
        }

        if (!verified)
        {
            return Rejected("signature");
        }

        // Signed by this service but not readable as a cursor of this account and version.
        return (payload[0] == Version1 && TryRead(payload[1..].ToArray(), expectedAccountId, out cursor)) || Rejected("content");
    }

    private static bool Rejected(string reason)
    {
        ServiceTelemetry.CursorsRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return false;
    }

    private static bool TryRead(byte[] data, long expectedAccountId, out ImportCursor? cursor)
    {
        cursor = null;
        using var reader = new Reader(data);
        if (!reader.TryUnsigned(out var accountId) || (long)accountId != expectedAccountId || !reader.TryByte(out var flags))
        {
            return false;
        }

        var key = (ImportSortKey)(flags & 0b11);
        var direction = (SortDirection)((flags >> 2) & 1);
        if (key > ImportSortKey.UpdatedAt || flags >> 5 != 0)
        {
            return false;
        }

        ImportStatusSet? statuses = null;
        if ((flags & (1 << 3)) != 0)
        {
            if (!reader.TryUnsigned(out var mask) || mask > int.MaxValue || !ImportStatusSet.TryFromMask((int)mask, out var set))
            {
                return false;
            }

            statuses = set;
        }

        if (!reader.TryByte(out var boundFlags))
        {
            return false;
        }

        var bounds = new TimestampBound?[4];
        for (var i = 0; i < bounds.Length; i++)
        {
            var kind = (boundFlags >> (i * 2)) & 0b11;
            if (kind == 0)
            {
                continue;
            }

            if (kind == 3 || !reader.TrySigned(out var micros) || !UtcTimestamp.TryFromUnixMicroseconds(micros, out var value))
            {
                return false;
            }

            var isLower = i % 2 == 0;
            var op = (isLower, kind == 2) switch
            {
                (true, true) => BoundOperator.GreaterThanOrEqual,
                (true, false) => BoundOperator.GreaterThan,
                (false, true) => BoundOperator.LessThanOrEqual,
                _ => BoundOperator.LessThan,
            };
            bounds[i] = new TimestampBound(op, value);
        }

        if (!reader.TryUnsigned(out var perPage) || perPage is < ListingLimits.MinPerPage or > ListingLimits.MaxPerPage)
        {
            return false;
        }

        KeysetPosition? after = null;
        if ((flags & (1 << 4)) != 0)
        {
            UtcTimestamp? timestamp = null;
            if (key != ImportSortKey.Id)
            {
                if (!reader.TrySigned(out var micros) || !UtcTimestamp.TryFromUnixMicroseconds(micros, out var value))
                {
                    return false;
                }

                timestamp = value;
            }

            if (!reader.TryUnsigned(out var id) || id > long.MaxValue)
            {
                return false;
            }

            after = new KeysetPosition(timestamp, (long)id);
        }

        if (!reader.AtEnd)
        {
            return false;
        }

        var filter = new ImportFilter(statuses, new TimeRange(bounds[0], bounds[1]), new TimeRange(bounds[2], bounds[3]));
        cursor = new ImportCursor(expectedAccountId, new ImportListing(filter, new ImportSort(key, direction)), (int)perPage, after);
        return true;
    }

    private static bool IsUrlSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static byte[] Sign(byte[] key, ReadOnlySpan<byte> payload) => HMACSHA256.HashData(key, payload)[..TagBytes];

    // The framework's 7-bit encoding writes a long's bits as an unsigned LEB128 varint, as this format needs.
    private static void WriteUnsigned(BinaryWriter output, ulong value) => output.Write7BitEncodedInt64(unchecked((long)value));

    private static void WriteSigned(BinaryWriter output, long value) => WriteUnsigned(output, (ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Reads what <see cref="Encode"/> wrote; only signed payloads reach it, so a failed read is rare and simply false.</summary>
    private sealed class Reader(byte[] data) : IDisposable
    {
        private readonly BinaryReader reader = new(new MemoryStream(data, writable: false));

        public void Dispose() => reader.Dispose();

        public bool AtEnd => reader.BaseStream.Position == data.Length;

        public bool TryByte(out byte value)
        {
            var next = reader.BaseStream.ReadByte();
            value = next < 0 ? (byte)0 : (byte)next;
            return next >= 0;
        }

        public bool TryUnsigned(out ulong value)
        {
            try
            {
                value = unchecked((ulong)reader.Read7BitEncodedInt64());
                return true;
            }
            catch (Exception exception) when (exception is EndOfStreamException or FormatException)
            {
                value = 0;
                return false;
            }
        }

        public bool TrySigned(out long value)
        {
            var ok = TryUnsigned(out var raw);
            value = (long)(raw >> 1) ^ -(long)(raw & 1);
            return ok;
        }
    }
}
