using CsCheck;
using ImportsService.Domain.Imports;

using ImportsService.Application.Common.Parameters;

namespace ImportsService.UnitTests.Application.Common.Parameters;

public sealed class TimestampTextTests
{
    [Test]
    public void A_date_is_midnight_utc()
    {
        Assert.That(Parse("2024-11-21"), Is.EqualTo(At(2024, 11, 21)));
    }

    [Test]
    public void A_date_before_1970_is_midnight_utc_too()
    {
        Assert.That(Parse("1969-07-20").UnixMicroseconds, Is.EqualTo(-165 * 86_400L * 1_000_000));
    }

    [TestCase("2024-11-21T10:15:30Z", "2024-11-21T10:15:30Z")]
    [TestCase("2024-11-21T10:15:30+00:00", "2024-11-21T10:15:30Z")]
    [TestCase("2024-11-21T10:15:30-00:00", "2024-11-21T10:15:30Z")]
    [TestCase("2024-11-21T10:15:30+02:00", "2024-11-21T08:15:30Z")]
    [TestCase("2024-11-21T10:15:30.5-05:30", "2024-11-21T15:45:30.5Z")]
    [TestCase("2024-11-21T01:00:00+02:00", "2024-11-20T23:00:00Z")]
    [TestCase("2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z")]
    [TestCase("2024-11-21T10:15Z", "2024-11-21T10:15:00Z")]
    [TestCase("2024-11-21t10:15:30z", "2024-11-21T10:15:30Z")]
    public void A_date_time_with_z_or_an_offset_is_normalised_to_utc(string sent, string utc)
    {
        Assert.That(Parse(sent).ToString(), Is.EqualTo(utc));
    }

    [TestCase("2024-11-21T10:15:30.1Z", 100_000)]
    [TestCase("2024-11-21T10:15:30.123456Z", 123_456)]
    [TestCase("2024-11-21T10:15:30.000001Z", 1)]
    [TestCase("2024-11-21T10:15:30.000000Z", 0)]
    public void Up_to_six_fractional_digits_are_kept_exactly(string sent, long microsecondsIntoTheSecond)
    {
        Assert.That(Parse(sent).UnixMicroseconds - Parse("2024-11-21T10:15:30Z").UnixMicroseconds, Is.EqualTo(microsecondsIntoTheSecond));
    }

    [TestCase("2024-11-21T10:15:30.1234567Z")]
    [TestCase("2024-11-21T10:15:30.1234560Z")]
    [TestCase("2024-11-21T10:15:30.123456789+02:00")]
    public void More_than_six_fractional_digits_are_rejected_rather_than_silently_truncated(string sent)
    {
        Assert.That(TimestampText.TryParse(sent, out _), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("yesterday")]
    [TestCase("1732184130")]
    [TestCase("2024-13-01")]
    [TestCase("2024-02-30")]
    [TestCase("24-11-21")]
    [TestCase(" 2024-11-21")]
    [TestCase("2024-11-21T10:15:30")]
    [TestCase("2024-11-21 10:15:30Z")]
    [TestCase("2024-11-21T25:00:00Z")]
    [TestCase("2024-11-21T10:15:30+0200")]
    [TestCase("2024-11-21T10:15:30+15:00")]
    [TestCase("2024-11-21T10:15:30Zulu")]
    [TestCase("2024-11-21T10:15:30.Z")]
    [TestCase("2024-11-21T10:15:30.+02:00")]
    [TestCase("0001-01-01T00:30:00+01:00")]
    [TestCase("9999-12-31T23:30:00-01:00")]
    [TestCase("2024-11-21T10:15:30.123456Z                                  ")]
    public void Garbage_is_rejected_without_an_exception(string? sent)
    {
        Assert.That(TimestampText.TryParse(sent, out _), Is.False);
    }

    [TestCase(0L, "1970-01-01T00:00:00Z")]
    [TestCase(1L, "1970-01-01T00:00:00.000001Z")]
    [TestCase(-1L, "1969-12-31T23:59:59.999999Z")]
    [TestCase(100_000L, "1970-01-01T00:00:00.1Z")]
    [TestCase(123_450L, "1970-01-01T00:00:00.12345Z")]
    [TestCase(1_732_184_130_123_456L, "2024-11-21T10:15:30.123456Z")]
    [TestCase(1_732_184_130_000_000L, "2024-11-21T10:15:30Z")]
    public void ToString_is_rfc_3339_utc_with_trailing_fractional_zeros_dropped(long microseconds, string expected)
    {
        Assert.That(UtcTimestamp.FromUnixMicroseconds(microseconds).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Every_microsecond_in_range_survives_ToString_and_TryParse()
    {
        Gen.Long[UtcTimestamp.MinValue.UnixMicroseconds, UtcTimestamp.MaxValue.UnixMicroseconds]
            .Select(UtcTimestamp.FromUnixMicroseconds)
            .Sample(timestamp => TimestampText.TryParse(timestamp.ToString(), out var parsed) && parsed == timestamp, iter: 20_000);
    }

    [Test]
    public void The_extremes_survive_ToString_and_TryParse()
    {
        foreach (var timestamp in new[] { UtcTimestamp.MinValue, UtcTimestamp.MaxValue })
        {
            Assert.That(TimestampText.TryParse(timestamp.ToString(), out var parsed), Is.True, timestamp.ToString());
            Assert.That(parsed, Is.EqualTo(timestamp));
        }
    }

    [Test]
    public void FromDateTime_truncates_below_a_microsecond()
    {
        var value = new DateTime(2024, 11, 21, 10, 15, 30, DateTimeKind.Utc).AddTicks(1_234_567);

        Assert.That(UtcTimestamp.FromDateTime(value).ToString(), Is.EqualTo("2024-11-21T10:15:30.123456Z"));
    }

    [Test]
    public void FromDateTime_truncates_toward_the_past_before_1970_too()
    {
        var halfAMicrosecondBeforeTheEpoch = DateTime.UnixEpoch.AddTicks(-5);

        Assert.That(UtcTimestamp.FromDateTime(halfAMicrosecondBeforeTheEpoch).UnixMicroseconds, Is.EqualTo(-1));
    }

    [Test]
    public void FromDateTime_never_moves_an_instant_forward_or_by_a_whole_microsecond()
    {
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks]
            .Select(ticks => new DateTime(ticks, DateTimeKind.Utc))
            .Sample(value =>
            {
                var back = UtcTimestamp.FromDateTime(value).ToDateTime();
                return back <= value && value - back < TimeSpan.FromMicroseconds(1) && back.Kind == DateTimeKind.Utc;
            }, iter: 20_000);
    }

    [Test]
    public void An_unspecified_date_time_is_taken_as_utc()
    {
        var unspecified = new DateTime(2024, 11, 21, 0, 0, 0, DateTimeKind.Unspecified);

        Assert.That(UtcTimestamp.FromDateTime(unspecified), Is.EqualTo(At(2024, 11, 21)));
    }

    [Test]
    public void A_local_date_time_is_refused_as_ambiguous()
    {
        Assert.Throws<ArgumentException>(() => UtcTimestamp.FromDateTime(new DateTime(2024, 11, 21, 0, 0, 0, DateTimeKind.Local)));
    }

    [Test]
    public void FromDateTimeOffset_takes_the_instant_not_the_clock_reading()
    {
        var offset = new DateTimeOffset(2024, 11, 21, 10, 0, 0, TimeSpan.FromHours(2));

        Assert.That(UtcTimestamp.FromDateTimeOffset(offset).ToString(), Is.EqualTo("2024-11-21T08:00:00Z"));
    }

    [Test]
    public void Microseconds_outside_the_range_of_DateTime_are_refused()
    {
        var tooLate = UtcTimestamp.MaxValue.UnixMicroseconds + 1;
        var tooEarly = UtcTimestamp.MinValue.UnixMicroseconds - 1;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(UtcTimestamp.TryFromUnixMicroseconds(tooLate, out _), Is.False);
            Assert.That(UtcTimestamp.TryFromUnixMicroseconds(tooEarly, out _), Is.False);
            Assert.Throws<ArgumentOutOfRangeException>(() => UtcTimestamp.FromUnixMicroseconds(tooLate));
            Assert.Throws<ArgumentOutOfRangeException>(() => UtcTimestamp.FromUnixMicroseconds(tooEarly));
        }
    }

    [Test]
    public void Timestamps_order_by_instant()
    {
        var earlier = Parse("2024-11-21T10:15:30.000001Z");
        var later = Parse("2024-11-21T12:15:30.000002+02:00");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(earlier < later, Is.True);
            Assert.That(later > earlier, Is.True);
            Assert.That(earlier <= Parse("2024-11-21T10:15:30.000001+00:00"), Is.True);
            Assert.That(later >= earlier, Is.True);
            Assert.That(later <= earlier, Is.False);
            Assert.That(earlier.CompareTo(later), Is.Negative);
        }
    }

    private static UtcTimestamp Parse(string text) =>
        TimestampText.TryParse(text, out var timestamp) ? timestamp : throw new AssertionException($"'{text}' did not parse.");

    private static UtcTimestamp At(int year, int month, int day) =>
        UtcTimestamp.FromDateTime(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));
}
