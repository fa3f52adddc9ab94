using System.Globalization;
using ImportsService.Domain.Imports;

namespace ImportsService.Application.Common.Parameters;

/// <summary>The timestamps a client may send in a parameter, and the one message that says what they are.</summary>
public static class TimestampText
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>What an accepted timestamp looks like, for a message that starts with the parameter's name.</summary>
    public const string Allowed =
        "must be an ISO-8601 date (2024-11-21, midnight UTC) or date-time with Z or an offset " +
        "(2024-11-21T10:15:30Z, 2024-11-21T10:15:30.123456+02:00; in a URL write + as %2B), to at most microseconds.";

    /// <summary>
    /// Parses what a client may send: an ISO-8601 date (<c>2024-11-21</c>, midnight UTC) or a date-time
    /// with <c>Z</c> or an offset, with at most six fractional digits (finer would be silently lost).
    /// </summary>
    public static bool TryParse(string? text, out UtcTimestamp timestamp)
    {
        timestamp = default;
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return false;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            timestamp = UtcTimestamp.FromDateTime(date);
            return true;
        }

        // RFC 3339 allows lower-case 't' and 'z'; the parse formats are upper-case.
        text = text.ToUpperInvariant();
        var hasZone = text[^1] == 'Z' || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        var fractionDigits = FractionDigits(text);
        if (!hasZone || fractionDigits > 6 || (fractionDigits == 0 && text.Contains('.', StringComparison.Ordinal)))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return false;
        }

        timestamp = UtcTimestamp.FromDateTimeOffset(value);
        return true;
    }

    private static int FractionDigits(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return 0;
        }

        var digits = 0;
        while (dot + 1 + digits < text.Length && char.IsAsciiDigit(text[dot + 1 + digits]))
        {
            digits++;
        }

        return digits;
    }
}
