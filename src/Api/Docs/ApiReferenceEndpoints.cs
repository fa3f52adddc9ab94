using ImportsService.Api.OpenApi;
using Scalar.AspNetCore;

namespace ImportsService.Api.Docs;

public static class ApiReferenceEndpoints
{
    public const string Path = "/docs";

    /// <summary>
    /// <c>GET /docs</c>: the API reference (Scalar) over <c>/openapi/v1.json</c>, when <c>ApiDocs:Enabled</c> (by
    /// default in Development only). Every asset comes from this service (Scalar.AspNetCore embeds its script);
    /// the CDN fonts, telemetry, the AI agent, MCP and the button that links out to Scalar's hosted client are off, so
    /// the page works offline and calls nobody else; it may not be framed (<see cref="ApiReferenceHeaders"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(ApiReferenceOptions.SectionName).Get<ApiReferenceOptions>() ?? new ApiReferenceOptions();
        if (options.ServerUrlProblem() is { } problem)
        {
            throw new InvalidOperationException(problem); // the document names this server whether /docs is on or not
        }

        if (!(options.Enabled ?? environment.IsDevelopment()))
        {
            return endpoints;
        }

        var serverOrigin = Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var server) && server.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? server.GetLeftPart(UriPartial.Authority)
            : null;
        endpoints.MapScalarApiReference(Path, scalar => scalar
                .WithTitle("ImportsService API reference")
                .WithOpenApiRoutePattern(ApiDocument.Route)
                .AddDocument(ApiDocument.DocumentName)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .HideClientButton()
                .AddHeadContent($"<script>{ApiReferenceHeaders.ZodWithoutEvalScript}</script>")
                .WithNonce()
                .WithOperationTitleSource(OperationTitleSource.Summary))
            .AllowAnonymous()
            .AddEndpointFilter((context, next) =>
            {
                ApiReferenceHeaders.Add(context.HttpContext, serverOrigin);
                return next(context);
            });
        return endpoints;
    }
}
