using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ImportsService.Api.Errors;
using ImportsService.Api.Limits;
using ImportsService.Application.Access.ResolveCaller;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using ImportsService.Api.Observability;

namespace ImportsService.Api.Access;

/// <summary>
/// The "Token" scheme: <c>Authorization: Token &lt;api_key&gt;</c> (or one of the other forms
/// <see cref="AuthorizationHeaderParser"/> reads) says who calls, <c>Account-Token</c> which
/// of their accounts they read. The caller is resolved through the mediator; the handler only reads
/// headers and turns the answer into claims and problem responses. Every failure spends the client
/// address's <see cref="FailedAuthenticationBudget"/> and is logged through <see cref="AuthenticationFailureLog"/>;
/// an address whose budget is spent is answered 429 before its key is looked up, unless this instance already knows
/// the key and account token as a caller it serves (<see cref="IKnownCallers"/>).
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator,
    FailedAuthenticationBudget failureBudget,
    AuthenticationFailureLog failureLog,
    IKnownCallers knownCallers)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";
    public const string AccountTokenHeader = "Account-Token";

    // One answer for unknown account, foreign account and missing permission: no account enumeration.
    internal const string ForbiddenDetail =
        "This API key may not read imports of the account named by the Account-Token header.";

    private const string MalformedAuthorization = "Send the header Authorization: Token <api_key>.";
    private const string MissingAccountToken = "Send the header Account-Token: <account_token> naming the account to read.";
    private const string UnknownKey = "The API key is not valid: it is unknown or has been revoked.";
    private const string TooManyFailures = "too many failed authentications from this client address";
    private const string RetryAfterItem = "retry_after_seconds";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // No credentials at all is "not authenticated" (the challenge still answers 401), not a failure
        // worth a log line on every anonymous health probe.
        if (Request.Headers.Authorization.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        // Endpoints that need no caller (health) never read credentials, so they never touch the database.
        if (Context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        if (await failureBudget.RefusalAsync(Context) is { } wait && !IsKnownCaller())
        {
            failureLog.Record(Context, TooManyFailures);
            ApiMetrics.AuthenticationFailed("too_many_failures");
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return AuthenticateResult.Fail(TooManyFailures, new AuthenticationProperties(new Dictionary<string, string?>
            {
                [RetryAfterItem] = seconds.ToString(CultureInfo.InvariantCulture),
            }));
        }

        var authorization = Request.Headers.Authorization;
        if (authorization.Count != 1 || !AuthorizationHeaderParser.TryReadApiKey(authorization[0], out var apiKey))
        {
            return await FailAsync(MalformedAuthorization, "malformed_authorization");
        }

        var accountTokens = Request.Headers[AccountTokenHeader];
        if (accountTokens.Count != 1 || string.IsNullOrWhiteSpace(accountTokens[0]))
        {
            return await FailAsync(MissingAccountToken, "missing_account_token");
        }

        var caller = await mediator.Send(new ResolveCallerQuery(apiKey, accountTokens[0]!.Trim()), Context.RequestAborted);
        var claims = new List<Claim>();
        switch (caller)
        {
            case { Standing: CallerStanding.MayReadImports, UserId: { } userId, AccountId: { } accountId }:
                claims.Add(new Claim(AccessClaims.UserId, userId.ToString(CultureInfo.InvariantCulture)));
                claims.Add(new Claim(AccessClaims.AccountId, accountId.ToString(CultureInfo.InvariantCulture)));
                claims.Add(new Claim(AccessClaims.Permission, AccessClaims.ReadImportsPermission));
                if (caller.RatePlan is { } plan)
                {
                    claims.Add(new Claim(AccessClaims.RatePlan, plan.Name));
                    claims.Add(new Claim(AccessClaims.RatePermits, plan.PermitsPerWindow.ToString(CultureInfo.InvariantCulture)));
                    claims.Add(new Claim(AccessClaims.RateWindowSeconds, plan.WindowSeconds.ToString(CultureInfo.InvariantCulture)));
                }

                break;
            case { Standing: CallerStanding.Forbidden, UserId: { } userId }:
                // Authenticated, but without the permission claim: the ReadImports policy answers 403.
                claims.Add(new Claim(AccessClaims.UserId, userId.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                return await FailAsync(UnknownKey, "unknown_key");
        }

        if (caller.ApiVersion is { } apiVersion)
        {
            claims.Add(new Claim(AccessClaims.ApiVersion, apiVersion.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Properties?.Items.TryGetValue(RetryAfterItem, out var retryAfter) == true && retryAfter is not null)
        {
            ApiMetrics.RateLimited(ApiMetrics.FailedAuthentications);
            await ProblemResponses.WriteRetryLaterAsync(
                Context,
                StatusCodes.Status429TooManyRequests,
                "Too Many Requests",
                retryAfter,
                "This client address has failed to authenticate too often; its requests with credentials are refused for now.");
            return;
        }

        Response.Headers.WWWAuthenticate = SchemeName;
        await ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            result.Failure?.Message ?? MalformedAuthorization);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        // Probing account tokens with a valid key spends the address's budget like guessing keys does.
        await failureBudget.RecordFailureAsync(Context);
        failureLog.Record(Context, "the key may not read the account named by Account-Token");
        ApiMetrics.AuthenticationFailed("forbidden");
        await ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", ForbiddenDetail);
    }

    /// <summary>
    /// A key and account token that already resolved to a tenant on this instance: a spent budget does not refuse them,
    /// so a key guesser cannot lock out the tenants that share its address. Memory only; a guessed key is never known.
    /// </summary>
    private bool IsKnownCaller() =>
        Request.Headers.Authorization is [{ } authorization]
        && AuthorizationHeaderParser.TryReadApiKey(authorization, out var apiKey)
        && Request.Headers[AccountTokenHeader] is [{ } accountToken]
        && !string.IsNullOrWhiteSpace(accountToken)
        && knownCallers.IsKnown(apiKey, accountToken.Trim());

    /// <param name="metricReason">The failure's label in <see cref="ApiMetrics"/>: one of a fixed set.</param>
    private async Task<AuthenticateResult> FailAsync(string reason, string metricReason)
    {
        await failureBudget.RecordFailureAsync(Context);
        failureLog.Record(Context, reason);
        ApiMetrics.AuthenticationFailed(metricReason);
        return AuthenticateResult.Fail(reason);
    }
}
