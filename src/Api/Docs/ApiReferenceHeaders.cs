using System.Security.Cryptography;
using System.Text;
using Scalar.AspNetCore;

namespace ImportsService.Api.Docs;

/// <summary>
/// The headers of <c>/docs</c>, where readers paste API keys: it may not be framed (<c>frame-ancestors 'none'</c>,
/// <c>X-Frame-Options: DENY</c>), sends no <c>Referer</c>, and its Content-Security-Policy lets it run only the
/// service's own scripts plus the one inline script Scalar writes, by the nonce Scalar draws for each request; it
/// may fetch from this origin only (and from <c>ApiDocs:ServerUrl</c>'s, when that names another). Styles may be
/// inline because Scalar's components set them from script.
/// </summary>
internal static class ApiReferenceHeaders
{
    /// <summary>
    /// Zod, inside Scalar's bundle, probes whether it may compile validators with <c>Function("")</c>, which the policy
    /// forbids: the probe is caught, but the browser reports a violation. Zod's documented switch for such pages turns
    /// the probe off; it has to run before scalar.js, so it is an inline script in the head, allowed by its hash.
    /// </summary>
    public const string ZodWithoutEvalScript = "globalThis.__zod_globalConfig = { jitless: true };";

    private static readonly string ZodWithoutEvalHash =
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(ZodWithoutEvalScript)))}'";

    public static void Add(HttpContext context, string? serverOrigin)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, serverOrigin) = ((HttpContext, string?))state;
            var headers = context.Response.Headers;
            var nonce = context.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) && value is string { Length: > 0 } drawn
                ? $" 'nonce-{drawn}'"
                : string.Empty;
            headers.ContentSecurityPolicy =
                $"default-src 'none'; script-src 'self' {ZodWithoutEvalHash}{nonce}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
                $"connect-src 'self'{(serverOrigin is null ? string.Empty : " " + serverOrigin)}; worker-src 'self' blob:; " +
                "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, (context, serverOrigin));
    }
}
