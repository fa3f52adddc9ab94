using MediatR;

namespace ImportsService.Application.Access.ResolveCaller;

/// <summary>Who is calling (by API key) and what they may do in the account they named (by account token).</summary>
public sealed record ResolveCallerQuery(string ApiKey, string AccountToken) : IRequest<CallerResolution>;

public enum CallerStanding
{
    /// <summary>The key is unknown or revoked: 401.</summary>
    Unauthenticated,

    /// <summary>The key is good but the account is unknown, foreign, or the membership may not read imports: 403.</summary>
    Forbidden,

    /// <summary>The caller may read the account's imports.</summary>
    MayReadImports,
}

/// <param name="AccountId">Set only when <paramref name="Standing"/> is <see cref="CallerStanding.MayReadImports"/>.</param>
/// <param name="ApiVersion">
/// The API release the key is locked to, whenever the key is known (forbidden callers too); null when the key is
/// unknown or was stored without a version (<see cref="Versioning.ApiReleases.Resolve"/> reads that as the first release).
/// </param>
public sealed record CallerResolution(CallerStanding Standing, long? UserId, long? AccountId, DateOnly? ApiVersion = null, RatePlan? RatePlan = null);
