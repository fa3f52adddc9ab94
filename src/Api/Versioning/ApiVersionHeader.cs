using System.Globalization;
using ImportsService.Application.Versioning;

namespace ImportsService.Api.Versioning;

/// <summary>
/// <c>X-Api-Version: YYYY-MM-DD</c>: the API version a request asks for (overriding the one its key is locked
/// to), and on every response the release that answered. Reading it is strict: one header, one date, written
/// exactly <c>YYYY-MM-DD</c>, from the first release to today.
/// </summary>
public static class ApiVersionHeader
{
    public const string Name = "X-Api-Version";

    /// <summary>How a version is written, in the header and in <see cref="ApiReleases"/>.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>
    /// The widest time zone is UTC+14: a date is "in the future" only once it has begun nowhere on Earth, so a
    /// client that sends its own local date is never refused for being a few hours ahead of UTC.
    /// </summary>
    private static readonly TimeSpan EarliestZoneAhead = TimeSpan.FromHours(14);

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The latest date that is today somewhere on Earth.</summary>
    public static DateOnly LatestToday(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime + EarliestZoneAhead);
    }

    /// <summary>
    /// Reads what the client sent under <see cref="Name"/>: the release it resolves to, or the message of a 400.
    /// Nothing sent (or only blanks) is neither: the key's version applies.
    /// </summary>
    public static (DateOnly? Release, string? Error) Read(IReadOnlyList<string?> sent, ApiReleases releases, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(releases);

        // An empty header (a template whose variable was unset) is no header, as start_cursor= is no cursor.
        sent = [.. sent.Where(value => !string.IsNullOrWhiteSpace(value))];
        if (sent.Count == 0)
        {
            return (null, null);
        }

        var first = Format(ApiReleases.First);
        var accepted = $"Send a date written YYYY-MM-DD from {first} (the first release) to today, e.g. {Format(releases.Newest)}; " +
                       $"it selects the newest release on or before it (releases: {string.Join(", ", releases.Dates.Select(Format))}). " +
                       "Leave the header out to use the version your API key is locked to.";
        if (sent.Count != 1 || sent[0] is not { } text
            || !DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, $"{Name} must be one date written YYYY-MM-DD. {accepted}");
        }

        if (date < ApiReleases.First)
        {
            return (null, $"{Name} {Format(date)} is before the first release, {first}. {accepted}");
        }

        if (date > LatestToday(time))
        {
            return (null, $"{Name} {Format(date)} is in the future. {accepted}");
        }

        return (releases.Resolve(date), null);
    }
}
