using ImportsService.Api.Imports;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// Describes each imports operation from what the code knows: its query parameters from the use case's
/// parameter table (literal names, enums, bounds, defaults, synonyms), the <c>X-Api-Version</c> header, both
/// authentication headers, and every status it can answer with its body, headers and a recorded example.
/// </summary>
internal sealed class ImportsOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor is not ControllerActionDescriptor { ControllerTypeInfo: var controller, ActionName: var action }
            || controller.AsType() != typeof(ImportsController))
        {
            return Task.CompletedTask;
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        var (table, prefix) = action switch
        {
            nameof(ImportsController.List) => (ListImportsParameters.Table, "list-imports"),
            nameof(ImportsController.Get) => (GetImportParameters.Table, "get-import"),
            _ => throw new InvalidOperationException($"ImportsController.{action} is not described."),
        };

        operation.OperationId = action == nameof(ImportsController.List) ? "listImports" : "getImport";
        operation.Summary = action == nameof(ImportsController.List) ? "List imports" : "Get an import";
        operation.Description = action == nameof(ImportsController.List)
            ? "One page of the imports of the account named by `Account-Token`, keyset-paginated: follow `next_cursor` " +
              $"(pass it as `{ListImportsParameters.StartCursor}`, or `{ListImportsParameters.NextCursor}`) until it is null. " +
              "Filters combine with AND. Any other parameter name is a 400 naming it. HEAD is answered too (same status and headers, no body)."
            : "One import of the account named by `Account-Token`: exactly an item of the list's `records`. An import that does not " +
              "exist and one of another account are the same 404. HEAD is answered too (same status and headers, no body).";

        // Path parameters keep their place; query parameters are exactly the table's, in its order.
        operation.Parameters = [.. table.Parameters.Select(ParameterSchemas.From), ApiDocument.Reference<OpenApiParameterReference>(ApiDocument.ApiVersionParameter, document)];
        operation.Security = ApiDocument.Security(document);

        var responses = operation.Responses ??= [];
        var ok = responses["200"] as OpenApiResponse ?? throw new InvalidOperationException($"{operation.OperationId} has no generated 200 response.");
        ok.Description = action == nameof(ImportsController.List) ? "One page of imports." : "The import.";
        ok.Headers = ApiDocument.VersionHeader(document);
        ApiDocument.AddExamples(ok.Content!["application/json"], $"{prefix}.200");

        responses["400"] = ApiDocument.ValidationFailed(document, $"{prefix}.400", "api-version.400");
        responses["401"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.Unauthorized, document);
        responses["403"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.Forbidden, document);
        if (action == nameof(ImportsController.Get))
        {
            responses["404"] = ApiDocument.Problem(document, "No import with this id in this account (or in any account this key may read).", "get-import.404");
        }

        responses["405"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.MethodNotAllowed, document);
        responses["429"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.TooManyRequests, document);
        responses["500"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.InternalServerError, document);
        responses["503"] = ApiDocument.Reference<OpenApiResponseReference>(ApiDocument.ServiceUnavailable, document);
        return Task.CompletedTask;
    }
}
