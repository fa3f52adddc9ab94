using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using ImportsService.Api.Common;
using ImportsService.Application.Access.ResolveCaller;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ImportsService.Api.Access;

/// <summary>
/// The "Token" scheme: <c>Authorization: Token &lt;api_key&gt;</c> says who calls, <c>Account-Token</c> which
/// of their accounts they read. The caller is resolved through the mediator; the handler only reads
/// headers and turns the answer into claims and problem responses.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator)
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

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // No credentials at all is "not authenticated" (the challenge still answers 401), not a failure
        // worth a log line on every anonymous health probe.
        if (Request.Headers.Authorization.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!TryReadApiKey(Request.Headers.Authorization, out var apiKey))
        {
            return AuthenticateResult.Fail(MalformedAuthorization);
        }

        var accountTokens = Request.Headers[AccountTokenHeader];
        if (accountTokens.Count != 1 || string.IsNullOrWhiteSpace(accountTokens[0]))
        {
            return AuthenticateResult.Fail(MissingAccountToken);
        }

        var caller = await mediator.Send(new ResolveCallerQuery(apiKey, accountTokens[0]!.Trim()), Context.RequestAborted);
        var claims = new List<Claim>();
        switch (caller)
        {
            case { Standing: CallerStanding.MayReadImports, UserId: { } userId, AccountId: { } accountId }:
                claims.Add(new Claim(AccessClaims.UserId, userId.ToString(CultureInfo.InvariantCulture)));
                claims.Add(new Claim(AccessClaims.AccountId, accountId.ToString(CultureInfo.InvariantCulture)));
                claims.Add(new Claim(AccessClaims.Permission, AccessClaims.ReadImportsPermission));
                break;
            case { Standing: CallerStanding.Forbidden, UserId: { } userId }:
                // Authenticated, but without the permission claim: the ReadImports policy answers 403.
                claims.Add(new Claim(AccessClaims.UserId, userId.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                return AuthenticateResult.Fail(UnknownKey);
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
        Response.Headers.WWWAuthenticate = SchemeName;
        await ProblemResponses.WriteAsync(
            Context,
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            result.Failure?.Message ?? MalformedAuthorization);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", ForbiddenDetail);

    private static bool TryReadApiKey(Microsoft.Extensions.Primitives.StringValues authorization, out string apiKey)
    {
        apiKey = string.Empty;
        if (authorization.Count != 1
            || !AuthenticationHeaderValue.TryParse(authorization[0], out var header)
            || !string.Equals(header.Scheme, SchemeName, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header.Parameter)
            || header.Parameter.Any(char.IsWhiteSpace))
        {
            return false;
        }

        apiKey = header.Parameter;
        return true;
    }
}
