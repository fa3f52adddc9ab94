using System.Diagnostics;
using ImportsService.Api.Access;
using Serilog;

namespace ImportsService.Api.Common;

public static class LoggingExtensions
{
    /// <summary>Serilog as configured in the <c>Serilog</c> section (console sink), enriched from the log context.</summary>
    public static IServiceCollection AddApiLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => logger
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Enrich.FromLogContext());

    /// <summary>
    /// One event per request: method, path (never the query string or headers, so no API key, account
    /// token or cursor), status, time, and the trace id, request id and account id.
    /// </summary>
    public static IApplicationBuilder UseApiRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.EnrichDiagnosticContext = (diagnostics, context) =>
        {
            diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? string.Empty);
            diagnostics.Set("RequestId", context.TraceIdentifier);
            if (context.User.FindFirst(AccessClaims.AccountId)?.Value is { } accountId)
            {
                diagnostics.Set("AccountId", accountId);
            }
        });
}
