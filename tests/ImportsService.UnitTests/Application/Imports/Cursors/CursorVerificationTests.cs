using ImportsService.Application.Imports.Cursors;
using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Application.Imports.Cursors;

/// <summary>A request with a cursor verifies it once: the parse does, and nothing after it decodes it again.</summary>
public sealed class CursorVerificationTests
{
    private const long AccountId = 7;

    [Test]
    public async Task A_request_with_a_cursor_verifies_it_exactly_once()
    {
        var keys = new CountingKeyRing(new CursorKeyRing(["counting-key-ring-signing-key-0123456789"u8.ToArray()]));
        using var pipeline = new ApplicationPipeline(keys);
        pipeline.Imports.Add(AccountId, Enumerable.Range(1, 10).Select(i => new Import(
            i, "vehicles", ImportStatus.Complete, $"{i}.csv", i, null, null, UtcTimestamp.FromUnixMicroseconds(i), UtcTimestamp.FromUnixMicroseconds(i))));
        var first = await pipeline.Send(new SentListImports(AccountId) { PerPage = "3", StatusInclude = "complete" });
        keys.Verifications = 0;

        var second = await pipeline.Send(new SentListImports(AccountId) { StartCursor = first.NextCursor, StatusInclude = "complete" });

        Assert.That(keys.Verifications, Is.EqualTo(1));
        Assert.That(second.Records.Select(r => r.Id), Is.EqualTo(new long[] { 7, 6, 5 }), "the verified cursor was used");
    }

    private sealed class CountingKeyRing(ICursorKeyRing inner) : ICursorKeyRing
    {
        public int Verifications { get; set; }

        public byte[] SigningKey => inner.SigningKey;

        public IReadOnlyList<byte[]> VerificationKeys
        {
            get
            {
                Verifications++;
                return inner.VerificationKeys;
            }
        }
    }
}
