using System.Diagnostics;
using ImportsService.Api.Access;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace ImportsService.Api.Logging;

public static class LoggingExtensions
{
    /// <summary>The key that picks the console format: <c>Json</c> (compact JSON) or <c>Text</c>.</summary>
    public const string ConsoleFormatKey = "Serilog:ConsoleFormat";

    /// <summary>Set (by the command-line verbs) to send every event of the default console sink to stderr.</summary>
    internal const string ConsoleToStandardErrorKey = "Serilog:ConsoleToStandardError";

    /// <summary>Events the console buffer holds before it drops new ones.</summary>
    internal const int AsyncBufferSize = 10_000;

    internal const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog as configured in the <c>Serilog</c> section, enriched from the log context, every string
    /// property's control characters escaped (<see cref="ControlCharacterEscaper"/>). Unless the section names
    /// sinks of its own (<c>Serilog:WriteTo</c>), one asynchronous console sink: compact JSON (CLEF) one event per line
    /// by default, readable text in Development; <c>Serilog:ConsoleFormat</c> overrides either.
    /// </summary>
    public static IServiceCollection AddApiLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) =>
        {
            // appsettings.json's levels, in code too, so they hold without it: the framework's Information lines
            // ("Request starting … ?start_cursor=…") would log query strings, and the Token handler's line per failed
            // authentication would bypass AuthenticationFailureLog's throttling. Configuration still overrides each.
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override(typeof(TokenAuthenticationHandler).FullName!, LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext()
                .Enrich.With<ControlCharacterEscaper>();
            if (!configuration.GetSection("Serilog:WriteTo").GetChildren().Any())
            {
                // Requests never wait on the console: events go to a bounded buffer written by a background
                // thread (flushed when the host stops). A full buffer drops events rather than stall requests.
                var formatter = ConsoleFormatter(configuration, provider.GetRequiredService<IHostEnvironment>());
                var standardErrorFrom = configuration.GetValue<bool>(ConsoleToStandardErrorKey) ? LogEventLevel.Verbose : (LogEventLevel?)null;
                logger.WriteTo.Async(sink => sink.Console(formatter, standardErrorFromLevel: standardErrorFrom), bufferSize: AsyncBufferSize, blockWhenFull: false);
            }
        });

    /// <summary>Compact JSON outside Development unless <c>Serilog:ConsoleFormat</c> says Text; text in Development unless it says Json.</summary>
    public static ITextFormatter ConsoleFormatter(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var format = configuration[ConsoleFormatKey];
        var json = string.IsNullOrEmpty(format)
            ? !environment.IsDevelopment()
            : string.Equals(format, "Json", StringComparison.OrdinalIgnoreCase)
                || (!string.Equals(format, "Text", StringComparison.OrdinalIgnoreCase)
                    ? throw new InvalidOperationException($"{ConsoleFormatKey} must be Json or Text, not '{format}'.")
                    : false);
        return json ? new CompactJsonFormatter() : new MessageTemplateTextFormatter(TextTemplate, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// One event per request: method, path (never the query string or headers, so no API key, account
    /// token or cursor), status, time, and the trace id, request id and account id. The lines a flood
    /// multiplies (401, 404, 429, anonymous requests) are sampled per client address (<see cref="RequestLogSampling"/>).
    /// </summary>
    public static IApplicationBuilder UseApiRequestLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sampling = ActivatorUtilities.CreateInstance<RequestLogSampling>(app.ApplicationServices);
        return app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = (context, _, exception) => sampling.Level(context, exception);
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? string.Empty);
                diagnostics.Set("RequestId", context.TraceIdentifier);
                if (context.User.FindFirst(AccessClaims.AccountId)?.Value is { } accountId)
                {
                    diagnostics.Set("AccountId", accountId);
                }

                RequestLogSampling.Enrich(diagnostics, context);
            };
        });
    }
}
