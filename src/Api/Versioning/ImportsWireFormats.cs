using ImportsService.Application.Versioning;

namespace ImportsService.Api.Versioning;

/// <summary>Every registered <see cref="IImportsWireFormat"/>, and which one serves a release.</summary>
public sealed class ImportsWireFormats
{
    private readonly IImportsWireFormat[] formats;

    public ImportsWireFormats(IEnumerable<IImportsWireFormat> formats, ApiReleases releases)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(releases);
        this.formats = [.. formats.OrderBy(f => f.Since)];
        if (this.formats.Length == 0 || this.formats[0].Since != ApiReleases.First)
        {
            throw new InvalidOperationException($"The imports endpoints need a wire format since the first release, {ApiVersionHeader.Format(ApiReleases.First)}.");
        }

        var duplicate = this.formats.GroupBy(f => f.Since).FirstOrDefault(g => g.Count() > 1);
        var unreleased = this.formats.FirstOrDefault(f => !releases.Dates.Contains(f.Since));
        if (duplicate is not null || unreleased is not null)
        {
            throw new InvalidOperationException(duplicate is not null
                ? $"Two imports wire formats claim the release {ApiVersionHeader.Format(duplicate.Key)}."
                : $"The imports wire format {unreleased!.GetType().Name} starts at {ApiVersionHeader.Format(unreleased.Since)}, which is not a release.");
        }
    }

    /// <summary>The format of <paramref name="release"/>: the one with the latest <see cref="IImportsWireFormat.Since"/> on or before it.</summary>
    public IImportsWireFormat For(DateOnly release) => formats.Last(f => f.Since <= release);
}
