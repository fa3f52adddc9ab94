using ImportsService.Application.Access.ApiKeys;
using MediatR;

namespace ImportsService.Application.Access.ResolveCaller;

/// <param name="peppers">The configured peppers; without them (a handler built by hand) only SHA-256 keys can be resolved.</param>
internal sealed class ResolveCallerHandler(ICallerAccessReader reader, ApiKeyPeppers? peppers = null) : IRequestHandler<ResolveCallerQuery, CallerResolution>
{
    private static readonly CallerResolution Unauthenticated = new(CallerStanding.Unauthenticated, null, null);

    public async Task<CallerResolution> Handle(ResolveCallerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A key that looks issued but whose format or checksum is wrong is refused here, before any database work.
        var lookup = ApiKeyPeppers.LookupFor(request.ApiKey, peppers);
        if (lookup is null)
        {
            return Unauthenticated;
        }

        var row = await reader.FindAsync(lookup, request.AccountToken, cancellationToken);
        if (row is null || !lookup.Matches(row.StoredKeyHash))
        {
            return Unauthenticated;
        }

        // Unknown account, foreign account and missing permission are one answer: no account enumeration.
        return row is { AccountId: { } accountId, CanReadImports: true }
            ? new CallerResolution(CallerStanding.MayReadImports, row.UserId, accountId, row.ApiVersion, row.RatePlan)
            : new CallerResolution(CallerStanding.Forbidden, row.UserId, null, row.ApiVersion);
    }
}
