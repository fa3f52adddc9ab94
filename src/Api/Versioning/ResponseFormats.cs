using ImportsService.Application.Versioning;

namespace ImportsService.Api.Versioning;

/// <summary>Every registered <see cref="IResponseFormat{TResult}"/>, by the result it writes, and which one serves a release.</summary>
public sealed class ResponseFormats
{
    private readonly Dictionary<Type, IResponseFormat[]> byResult;

    /// <exception cref="InvalidOperationException">A result has no format for the first release, two for one release, or one for a date that is no release.</exception>
    public ResponseFormats(IEnumerable<IResponseFormat> formats, ApiReleases releases)
    {
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(releases);
        byResult = formats
            .GroupBy(ResultOf)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Since).ToArray());
        foreach (var (result, ordered) in byResult)
        {
            if (ordered[0].Since != ApiReleases.First)
            {
                throw new InvalidOperationException($"{result.Name} needs a response format since the first release, {ApiVersionHeader.Format(ApiReleases.First)}.");
            }

            if (ordered.GroupBy(f => f.Since).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            {
                throw new InvalidOperationException($"Two response formats of {result.Name} claim the release {ApiVersionHeader.Format(duplicate.Key)}.");
            }

            if (ordered.FirstOrDefault(f => !releases.Dates.Contains(f.Since)) is { } unreleased)
            {
                throw new InvalidOperationException($"The response format {unreleased.GetType().Name} starts at {ApiVersionHeader.Format(unreleased.Since)}, which is not a release.");
            }
        }
    }

    /// <summary>The format of <paramref name="release"/>: the one with the latest <see cref="IResponseFormat.Since"/> on or before it.</summary>
    public IResponseFormat<TResult> For<TResult>(DateOnly release) =>
        byResult.TryGetValue(typeof(TResult), out var formats)
            ? (IResponseFormat<TResult>)formats.Last(f => f.Since <= release)
            : throw new InvalidOperationException($"No response format writes {typeof(TResult).Name}.");

    private static Type ResultOf(IResponseFormat format) =>
        format.GetType().GetInterfaces()
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IResponseFormat<>))
            .GetGenericArguments()[0];
}
