using System.Text.Json.Nodes;
using ImportsService.Api.Errors;
using ImportsService.Api.Versioning;
using ImportsService.Application.Versioning;
using Microsoft.OpenApi;

namespace ImportsService.Api.OpenApi;

/// <summary>The components every imports operation shares, their names, and how operations refer to them.</summary>
public static class ApiDocument
{
    public const string DocumentName = "v1";
    public const string Route = "/openapi/{documentName}.json";

    public const string ValidationErrorsSchema = "ValidationErrors";
    public const string ProblemSchema = "Problem";

    public const string ApiVersionParameter = ApiVersionHeader.Name;
    public const string ApiVersionResponseHeader = ApiVersionHeader.Name;
    public const string RetryAfterHeader = "Retry-After";

    public const string TokenScheme = "Token";
    public const string BearerScheme = "Bearer";
    public const string AccountTokenScheme = "AccountToken";

    public const string Unauthorized = "Unauthorized";
    public const string Forbidden = "Forbidden";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string TooManyRequests = "TooManyRequests";
    public const string InternalServerError = "InternalServerError";
    public const string ServiceUnavailable = "ServiceUnavailable";

    public static T Reference<T>(string id, OpenApiDocument document)
        where T : class =>
        (T)Activator.CreateInstance(typeof(T), id, document, null)!;

    /// <summary>Token + Account-Token, or Bearer + Account-Token.</summary>
    public static List<OpenApiSecurityRequirement> Security(OpenApiDocument document) =>
    [
        new() { [new OpenApiSecuritySchemeReference(TokenScheme, document)] = [], [new OpenApiSecuritySchemeReference(AccountTokenScheme, document)] = [] },
        new() { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [], [new OpenApiSecuritySchemeReference(AccountTokenScheme, document)] = [] },
    ];

    public static Dictionary<string, IOpenApiHeader> VersionHeader(OpenApiDocument document) =>
        new(StringComparer.Ordinal) { [ApiVersionResponseHeader] = new OpenApiHeaderReference(ApiVersionResponseHeader, document) };

    /// <param name="routeTemplate">The route of the operation the examples belong to; null for the shared examples, which name their path.</param>
    public static void AddExamples(OpenApiMediaType mediaType, string? routeTemplate, params RecordedExample[] examples)
    {
        ArgumentNullException.ThrowIfNull(mediaType);
        mediaType.Examples ??= new Dictionary<string, IOpenApiExample>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            mediaType.Examples[example.Name] = new OpenApiExample
            {
                Summary = example.Summary(routeTemplate),
                Description = "Recorded from the service over the demo data.",
                Value = example.Body(),
            };
        }
    }

    public static OpenApiResponse ValidationFailed(OpenApiDocument document, string? routeTemplate, RecordedExample example)
    {
        var media = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ValidationErrorsSchema, document) };
        AddExamples(media, routeTemplate, example);
        AddExamples(media, null, RecordedExamples.ApiVersion);
        return new OpenApiResponse
        {
            Description = "The request is not valid: every problem at once, keyed by the parameter (or header) exactly as sent.",
            Headers = VersionHeader(document),
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = media },
        };
    }

    public static OpenApiResponse Problem(OpenApiDocument document, string description, string? routeTemplate, RecordedExample example, bool retryAfter = false)
    {
        var media = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) };
        AddExamples(media, routeTemplate, example);
        var headers = VersionHeader(document);
        if (retryAfter)
        {
            headers[RetryAfterHeader] = new OpenApiHeaderReference(RetryAfterHeader, document);
        }

        return new OpenApiResponse
        {
            Description = description,
            Headers = headers,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { [ProblemResponses.ContentType] = media },
        };
    }

    /// <summary>Info, servers, tags, security schemes and the shared components.</summary>
    /// <param name="serverUrl">The one server: <c>ApiDocs:ServerUrl</c>, or <c>/</c> (wherever the document was fetched from).</param>
    public static void Complete(OpenApiDocument document, ApiReleases releases, string serverUrl = "/")
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(releases);
        var newest = ApiVersionHeader.Format(releases.Newest);
        document.Info = new OpenApiInfo
        {
            Title = "ImportsService API",
            Version = newest,
            Description =
                "The data imports of a fleet account, page by page: `GET /api/v1/imports` (keyset-paginated with signed cursors) and " +
                "`GET /api/v1/imports/{id}`.\n\n" +
                "**Authentication**: every request sends `Authorization: Token <api_key>` (or `Bearer <api_key>`) and `Account-Token: <account_token>` " +
                "naming which of the caller's accounts to read.\n\n" +
                $"**Versions**: each API key is locked to the release current when it was created; `X-Api-Version: YYYY-MM-DD` overrides it for one " +
                $"request (a date stands for the newest release on or before it). Releases: {string.Join(", ", releases.Dates.Select(ApiVersionHeader.Format))}. " +
                "Every response names the release that answered in `X-Api-Version`. This document describes the newest release.\n\n" +
                "**Errors**: a 400 is `{\"errors\": {\"<parameter as sent>\": [\"…\"]}}`; every other error is an RFC 9457 problem (`application/problem+json`).",
        };
        document.Servers = [new OpenApiServer { Url = serverUrl, Description = serverUrl == "/" ? "This service: the host that served this document" : "This service" }];
        document.Tags = new HashSet<OpenApiTag> { new() { Name = "Imports", Description = "The data imports of the account named by Account-Token." } };

        document.AddComponent(TokenScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "`Authorization: Token <api_key>`. The Rails forms `Token token=\"<api_key>\"` and `Token token=<api_key>` are read too, " +
                          "and `Bearer <api_key>` (the Bearer scheme below). Missing, malformed, unknown or revoked: 401.",
        });
        document.AddComponent(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "`Authorization: Bearer <api_key>`: the same API key as the Token scheme.",
        });
        document.AddComponent(AccountTokenScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Account-Token",
            Description = "Which of the caller's accounts to read. Missing: 401. Unknown, another's, or without permission to read imports: 403.",
        });

        document.AddComponent(ApiVersionParameter, new OpenApiParameter
        {
            Name = ApiVersionHeader.Name,
            In = ParameterLocation.Header,
            Description = $"The API version to answer with, overriding the one the API key is locked to: a date from {ApiVersionHeader.Format(ApiReleases.First)} " +
                          "to today, standing for the newest release on or before it. Malformed, in the future or earlier: 400 keyed X-Api-Version.",
            Schema = DateSchema(),
        });
        document.AddComponent(ApiVersionResponseHeader, new OpenApiHeader
        {
            Description = "The release that answered: the one asked for, else the API key's, else (nobody authenticated) the newest.",
            Required = true,
            Schema = DateSchema(),
        });
        document.AddComponent(RetryAfterHeader, new OpenApiHeader
        {
            Description = "Seconds to wait before retrying.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
        });

        document.AddComponent(ValidationErrorsSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Every problem of the request, keyed by the parameter (or header) exactly as the client sent it.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "errors" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, MinItems = 1, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        });
        document.AddComponent(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem. instance is the request path; traceId identifies the request in the service's logs.",
            Required = new HashSet<string>(StringComparer.Ordinal) { "status", "title", "detail", "instance" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI reference that identifies the kind of problem." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        });

        document.AddComponent(Unauthorized, Problem(document, "No or malformed Authorization, no Account-Token, or an unknown or revoked API key (WWW-Authenticate: Token).", null, RecordedExamples.Unauthorized));
        document.AddComponent(Forbidden, Problem(document, "The API key may not read imports of the account named by Account-Token (unknown, another's, or no permission: one answer).", null, RecordedExamples.Forbidden));
        document.AddComponent(MethodNotAllowed, Problem(document, "The path takes only GET and HEAD; the Allow header lists them.", null, RecordedExamples.MethodNotAllowed));
        document.AddComponent(TooManyRequests, Problem(document, "The account (or, before authentication, the client address) made too many requests; retry after Retry-After seconds.", null, RecordedExamples.TooManyRequests, retryAfter: true));
        document.AddComponent(InternalServerError, Problem(document, "Something unexpected happened; the body shows no exception, only a traceId to quote.", null, RecordedExamples.InternalServerError));
        document.AddComponent(ServiceUnavailable, Problem(document, "The database cannot be reached right now; retry after Retry-After seconds.", null, RecordedExamples.ServiceUnavailable, retryAfter: true));
    }

    private static OpenApiSchema DateSchema() => new()
    {
        Type = JsonSchemaType.String,
        Format = "date",
        Pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        Examples = [JsonValue.Create(ApiVersionHeader.Format(ApiReleases.First))],
    };
}
