namespace ImportsService.Application.Versioning;

/// <summary>
/// The releases of the API, Fleetio style: each is the date on which the API changed in a way a client has
/// to opt into. An API key is locked to the newest release when it is created; a request may ask for another
/// with a date, which stands for the newest release on or before it. The first release, 2024-01-01, is the
/// first with cursor-paginated list endpoints; nothing earlier exists.
/// </summary>
public sealed class ApiReleases
{
    /// <summary>The first release: cursor-paginated list endpoints.</summary>
    public static DateOnly First { get; } = new(2024, 1, 1);

    /// <summary>
    /// The releases this code ships, oldest first. A breaking change appends its date here (and the API adds a
    /// response mapping beside the old one); a released date is never edited or removed, because keys are locked to it.
    /// </summary>
    public static IReadOnlyList<DateOnly> Shipped { get; } = [First];

    /// <param name="dates">Every release; must contain <see cref="First"/> and nothing before it.</param>
    public ApiReleases(IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        Dates = [.. dates.Distinct().Order()];
        if (Dates.Count == 0 || Dates[0] != First)
        {
            throw new ArgumentException($"The releases must start at {First:yyyy-MM-dd}.", nameof(dates));
        }
    }

    /// <summary>Every release, oldest first.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>The release a key created now is locked to.</summary>
    public DateOnly Newest => Dates[^1];

    /// <summary>
    /// The newest release on or before <paramref name="date"/>. A date before <see cref="First"/>, or none (a key
    /// stored before keys recorded their version, when <see cref="First"/> was the only release), is the first.
    /// </summary>
    public DateOnly Resolve(DateOnly? date)
    {
        var resolved = First;
        foreach (var release in Dates)
        {
            if (date is { } d && release <= d)
            {
                resolved = release;
            }
        }

        return resolved;
    }
}

/// <summary>One release date, as registered in the service collection (<see cref="ApiReleasesServiceCollectionExtensions"/>).</summary>
public sealed record ApiRelease(DateOnly Date);
