using BenchmarkDotNet.Attributes;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Domain.Imports;

namespace ImportsService.Benchmarks;

/// <summary>Signing and verifying the largest cursor the contract allows (every filter, a position).</summary>
[MemoryDiagnoser]
public class CursorBenchmarks
{
    private readonly ImportCursorCodec codec = new(new CursorKeyRing(["benchmark-signing-key-0123456789abcdef"u8.ToArray(), "previous-signing-key-0123456789abcdef"u8.ToArray()]));
    private ImportCursor cursor = null!;
    private string token = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var now = UtcTimestamp.FromDateTime(new DateTime(2024, 11, 21, 10, 15, 30, DateTimeKind.Utc));
        var range = new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, now), new TimestampBound(BoundOperator.LessThan, now));
        var listing = new ImportListing(new ImportFilter(ImportStatusSet.FromMask(0b1111111111), range, range), new ImportSort(ImportSortKey.CreatedAt, SortDirection.Descending));
        cursor = new ImportCursor(123_456_789, listing, 100, new KeysetPosition(now, 9_876_543_210));
        token = codec.Encode(cursor);
    }

    [Benchmark]
    public string Encode() => codec.Encode(cursor);

    [Benchmark]
    public bool Decode() => codec.TryDecode(token, 123_456_789, out _);
}
