using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// Describes each operation from its use case's <see cref="IOperationDescription"/> (found by the route name of its
/// action) and the parts every operation shares: the query parameters are exactly the use case's table (literal
/// names, enums, bounds, defaults, synonyms), then <c>X-Api-Version</c>; both authentication schemes; and every status
/// it can answer, with its body, headers and a recorded example.
/// </summary>
internal sealed class OperationTransformer(IEnumerable<IOperationDescription> descriptions) : IOpenApiOperationTransformer
{
    private readonly Dictionary<string, IOperationDescription> byId = descriptions.ToDictionary(d => d.OperationId, StringComparer.Ordinal);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var routeName = context.Description.ActionDescriptor.AttributeRouteInfo?.Name;
        if (routeName is null || !byId.TryGetValue(routeName, out var description))
        {
            throw new InvalidOperationException(
                $"{context.Description.HttpMethod} /{context.Description.RelativePath} has no OpenAPI description: give its action a route name and its use case an {nameof(IOperationDescription)}.");
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        var route = context.Description.RelativePath;
        operation.OperationId = description.OperationId;
        operation.Summary = description.Summary;
        operation.Description = description.Description;
        operation.Parameters = [.. description.Parameters.Parameters.Select(ParameterSchemas.From), ApiDocument.Reference<OpenApiParameterReference>(ApiDocument.ApiVersionParameter, document)];
        operation.Security = ApiDocument.Security(document);

        var responses = operation.Responses ??= [];
        var ok = responses["200"] as OpenApiResponse ?? throw new InvalidOperationException($"{operation.OperationId} has no generated 200 response.");
        ok.Description = description.OkDescription;
        ok.Headers = ApiDocument.VersionHeader(document);
        ApiDocument.AddExamples(ok.Content!["application/json"], route, description.OkExample);

        responses["400"] = ApiDocument.ValidationFailed(document, route, description.BadRequestExample);
        responses["401"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.Unauthorized, document);
        responses["403"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.Forbidden, document);
        foreach (var problem in description.Problems)
        {
            responses[problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ApiDocument.Problem(document, problem.Description, route, problem.Example);
        }

        responses["405"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.MethodNotAllowed, document);
        responses["429"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.TooManyRequests, document);
        responses["500"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.InternalServerError, document);
        responses["503"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.ServiceUnavailable, document);
        return Task.CompletedTask;
    }
}
