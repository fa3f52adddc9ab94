using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

namespace ImportsService.Api.Headers;

/// <summary>
/// Headers every response carries whoever writes it: <c>X-Content-Type-Options: nosniff</c>; unless the endpoint set its
/// own (<c>/docs</c>), <c>Content-Security-Policy: default-src 'none'; frame-ancestors 'none'</c>, so a JSON answer rendered
/// by a browser runs nothing and is never framed; no
/// <c>Server</c> header (Kestrel is told not to add one); and <c>Cache-Control: no-store</c> on every
/// response to a request that carried credentials, so no shared or browser cache keeps a tenant's data.
/// Set when the response starts, so a body written after the exception handler cleared the headers has them too.
/// </summary>
public static class ResponseHeaders
{
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IServiceCollection AddApiResponseHeaders(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

    public static IApplicationBuilder UseApiResponseHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
                }

                headers.Remove(HeaderNames.Server);
                if (context.Request.Headers.Authorization.Count > 0 || context.User.Identity?.IsAuthenticated == true)
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
