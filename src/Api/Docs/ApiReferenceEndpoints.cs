using ImportsService.Api.OpenApi;
using Scalar.AspNetCore;

namespace ImportsService.Api.Docs;

public static class ApiReferenceEndpoints
{
    public const string Path = "/docs";

    /// <summary>
    /// <c>GET /docs</c>: the API reference (Scalar) over <c>/openapi/v1.json</c>, when <c>ApiDocs:Enabled</c> (by
    /// default in Development only). Every asset comes from this service (Scalar.AspNetCore embeds its script);
    /// the CDN fonts, telemetry, the AI agent and MCP are off, so the page works offline and calls nobody else.
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder endpoints, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var options = configuration.GetSection(ApiReferenceOptions.SectionName).Get<ApiReferenceOptions>() ?? new ApiReferenceOptions();
        if (!(options.Enabled ?? environment.IsDevelopment()))
        {
            return endpoints;
        }

        endpoints.MapScalarApiReference(Path, scalar => scalar
                .WithTitle("ImportsService API reference")
                .WithOpenApiRoutePattern(ApiDocument.Route)
                .AddDocument(ApiDocument.DocumentName)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithOperationTitleSource(OperationTitleSource.Summary))
            .AllowAnonymous();
        return endpoints;
    }
}
