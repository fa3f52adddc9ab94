using ImportsService.Application.Imports.Cursors;
using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Application.Imports.Cursors;

/// <summary>
/// Cursors already in clients' hands keep working across changes to the codec's code: each token below was produced
/// by the codec as it stood before issue 14 (its own LEB128 writer, since replaced by the framework's 7-bit
/// encoding), under a fixed key. Each must still verify to the same cursor, and encoding that cursor today must give
/// the very same token.
/// </summary>
public sealed class IssuedCursorTests
{
    private static readonly ImportCursorCodec Codec = new(new CursorKeyRing(["issued-cursor-tests-signing-key-0123456789"u8.ToArray()]));

    private static readonly (string Name, ImportCursor Cursor, string Token)[] Issued =
    [
        ("first page, default sort, no position", new ImportCursor(1, new ImportListing(ImportFilter.None, ImportSort.Default), 50, null), "AQEEADL0MWVe-Xu-M5Kjk6RXwnOd"),
        ("deep by id, one byte past 127 and beyond", new ImportCursor(300, new ImportListing(ImportFilter.None, ImportSort.Default), 100, new KeysetPosition(null, 1_234_567_890_123)), "AawCFABky4nsj_cji-_DnUGeAt4ohfAYULjo2g"),
        ("statuses, created_at range, sort by created_at, position", new ImportCursor(
            7,
            new ImportListing(
                new ImportFilter(
                    ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete),
                    new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.FromUnixMicroseconds(1_704_067_200_000_000)), new TimestampBound(BoundOperator.LessThan, UtcTimestamp.FromUnixMicroseconds(1_719_792_000_000_000))),
                    TimeRange.Unbounded),
                new ImportSort(ImportSortKey.CreatedAt, SortDirection.Descending)),
            25,
            new KeysetPosition(UtcTimestamp.FromUnixMicroseconds(1_732_184_130_123_456), 4_242)), "AQcdMAaAgImC4vWGBoCA-_OIiY4GGYDbl7yx2pMGkiGNe7xPE8DpMn2zO-K6oDmP"),
        ("extremes: every field at the far end of its range, negative timestamps", new ImportCursor(
            long.MaxValue,
            new ImportListing(
                new ImportFilter(
                    ImportStatusSet.FromMask((1 << 10) - 1),
                    new TimeRange(new TimestampBound(BoundOperator.GreaterThan, UtcTimestamp.MinValue), new TimestampBound(BoundOperator.LessThanOrEqual, UtcTimestamp.MaxValue)),
                    new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.FromUnixMicroseconds(-1)), new TimestampBound(BoundOperator.LessThan, UtcTimestamp.FromUnixMicroseconds(1)))),
                new ImportSort(ImportSortKey.UpdatedAt, SortDirection.Ascending)),
            ListingLimits.MaxPerPage,
            new KeysetPosition(UtcTimestamp.MinValue, long.MaxValue)), "Af__________fxr_B2n__93y3__f3AH-_5rHmYOihAcBAmT__93y3__f3AH__________39k4jRsHo9u50em4TOLMQMe"),
    ];

    private static IEnumerable<TestCaseData> Cases() => Issued.Select(i => new TestCaseData(i.Cursor, i.Token).SetArgDisplayNames(i.Name));

    [TestCaseSource(nameof(Cases))]
    public void A_cursor_issued_before_still_verifies_to_the_same_cursor(ImportCursor cursor, string token)
    {
        Assert.That(Codec.TryDecode(token, cursor.AccountId, out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(cursor));
    }

    [TestCaseSource(nameof(Cases))]
    public void Encoding_today_gives_the_token_issued_before(ImportCursor cursor, string token) =>
        Assert.That(Codec.Encode(cursor), Is.EqualTo(token));
}
