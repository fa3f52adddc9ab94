using ImportsService.Api.Docs;
using ImportsService.Application.Versioning;
using Microsoft.AspNetCore.OpenApi;

namespace ImportsService.Api.OpenApi;

public static class ApiDocsServiceCollectionExtensions
{
    /// <summary>
    /// The OpenAPI 3.1 document <c>v1</c>, generated from the code: ApiExplorer's operations and schemas, completed from
    /// each use case's <see cref="IOperationDescription"/> and <see cref="ISchemaDescription"/> (found in the Api
    /// assembly), the releases and the recorded examples. HEAD operations are left out (they answer like GET without a body).
    /// </summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddSliceSingletons<IOperationDescription>();
        services.AddSliceSingletons<ISchemaDescription>();
        services.AddOpenApi(ApiDocument.DocumentName, options =>
        {
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => !HttpMethods.IsHead(description.HttpMethod ?? string.Empty);
            options.AddSchemaTransformer<SchemaTransformer>();
            options.AddOperationTransformer<OperationTransformer>();
            options.AddDocumentTransformer((document, context, _) =>
            {
                var docs = context.ApplicationServices.GetRequiredService<IConfiguration>().GetSection(ApiReferenceOptions.SectionName).Get<ApiReferenceOptions>();
                ApiDocument.Complete(document, context.ApplicationServices.GetRequiredService<ApiReleases>(), (docs ?? new ApiReferenceOptions()).OpenApiServerUrl);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary><c>GET /openapi/v1.json</c>, anonymous.</summary>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiDocument.Route).AllowAnonymous();
        return endpoints;
    }
}
