using System.Globalization;
using ImportsService.Api.Access;
using ImportsService.Application.Versioning;

namespace ImportsService.Api.Versioning;

/// <summary>What a request said about its version: the release <c>X-Api-Version</c> resolved to, if it was sent.</summary>
internal sealed class ApiVersionFeature(ApiReleases releases, DateOnly? requested)
{
    public DateOnly? Requested { get; } = requested;

    /// <summary>
    /// The release that answers: the one the header asked for; else, for a caller whose key is known (a 403
    /// too), the release the key is locked to; else (nobody authenticated) the newest.
    /// </summary>
    public DateOnly Answering(HttpContext context)
    {
        if (Requested is { } requestedRelease)
        {
            return requestedRelease;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            var locked = context.User.FindFirst(AccessClaims.ApiVersion)?.Value is { } text
                         && DateOnly.TryParseExact(text, ApiVersionHeader.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : (DateOnly?)null;
            return releases.Resolve(locked);
        }

        return releases.Newest;
    }
}

public static class ApiVersionHttpContextExtensions
{
    /// <summary>The release that answers this request (see <c>UseApiVersions</c>).</summary>
    public static DateOnly ApiRelease(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<ApiVersionFeature>()
                      ?? new ApiVersionFeature(context.RequestServices.GetRequiredService<ApiReleases>(), requested: null);
        return feature.Answering(context);
    }
}
