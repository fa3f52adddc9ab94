using ImportsService.Domain.Access;
using MediatR;

namespace ImportsService.Application.Access.ResolveCaller;

internal sealed class ResolveCallerHandler(ICallerAccessReader reader) : IRequestHandler<ResolveCallerQuery, CallerResolution>
{
    private static readonly CallerResolution Unauthenticated = new(CallerStanding.Unauthenticated, null, null);

    public async Task<CallerResolution> Handle(ResolveCallerQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = ApiKeyHash.Compute(request.ApiKey);
        var row = await reader.FindAsync(hash, request.AccountToken, cancellationToken);
        if (row is null || !ApiKeyHash.Matches(row.StoredKeyHash, hash))
        {
            return Unauthenticated;
        }

        // Unknown account, foreign account and missing permission are one answer: no account enumeration.
        return row is { AccountId: { } accountId, CanReadImports: true }
            ? new CallerResolution(CallerStanding.MayReadImports, row.UserId, accountId, row.ApiVersion)
            : new CallerResolution(CallerStanding.Forbidden, row.UserId, null, row.ApiVersion);
    }
}
