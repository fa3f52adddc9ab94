using System.Text.Json.Nodes;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// The examples of the API description: real responses of the service over the demo data, recorded by
/// <c>OpenApiExamplesTests</c> into <c>src/Api/OpenApi/Examples/*.json</c> and embedded in this assembly, so
/// no example is typed by hand and a drift test notices when an answer changes.
/// </summary>
public static class RecordedExamples
{
    public const string ResourcePrefix = "ImportsService.Api.OpenApi.Examples.";

    /// <summary>Every example the document uses, by name: what is asked, and what answers.</summary>
    public static IReadOnlyList<ExampleRequest> Requests { get; } =
    [
        new("list-imports.200", "GET", "/api/v1/imports?per_page=2&filter[status][include]=failed,complete&sort[created_at]=desc", 200),
        new("list-imports.400", "GET", "/api/v1/imports?per_page=500&page=2&filter[created_at][gte]=yesterday", 400),
        new("get-import.200", "GET", "/api/v1/imports/998", 200),
        new("get-import.400", "GET", "/api/v1/imports/abc", 400),
        new("get-import.404", "GET", "/api/v1/imports/999999999", 404),
        new("api-version.400", "GET", "/api/v1/imports", 400, ApiVersion: "2023-06-01"),
        new("unauthorized.401", "GET", "/api/v1/imports", 401, Credentials: ExampleCredentials.None),
        new("forbidden.403", "GET", "/api/v1/imports", 403, Credentials: ExampleCredentials.NoAccess),
        new("method-not-allowed.405", "POST", "/api/v1/imports", 405),
        new("too-many-requests.429", "GET", "/api/v1/imports?per_page=2", 429),
        new("internal-server-error.500", "GET", "/api/v1/imports", 500),
        new("service-unavailable.503", "GET", "/api/v1/imports", 503),
    ];

    /// <summary>The recorded response body of the example <paramref name="name"/>.</summary>
    public static JsonNode Body(string name)
    {
        var assembly = typeof(RecordedExamples).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
                           ?? throw new InvalidOperationException($"The OpenAPI example {name} has not been recorded: run the OpenApiExamplesTests with IMPORTS_RECORD_OPENAPI_EXAMPLES=1.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"The OpenAPI example {name} is empty.");
    }

    public static ExampleRequest Request(string name) => Requests.Single(r => r.Name == name);
}

public enum ExampleCredentials
{
    /// <summary>The demo key and account.</summary>
    Demo,

    /// <summary>No Authorization, no Account-Token.</summary>
    None,

    /// <summary>A member of the demo account that may not read imports.</summary>
    NoAccess,
}

/// <summary>One recorded example: the request the recorder sends and the status it expects.</summary>
public sealed record ExampleRequest(string Name, string Method, string PathAndQuery, int Status, ExampleCredentials Credentials = ExampleCredentials.Demo, string? ApiVersion = null)
{
    /// <summary>What the document shows as the example's summary, e.g. <c>GET /api/v1/imports?per_page=2</c>.</summary>
    public string Summary => ApiVersion is null ? $"{Method} {PathAndQuery}" : $"{Method} {PathAndQuery} with X-Api-Version: {ApiVersion}";
}
