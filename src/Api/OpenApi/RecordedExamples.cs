using System.Text.Json.Nodes;

namespace ImportsService.Api.OpenApi;

/// <summary>
/// The examples of the API description are real answers of the service over the demo data, recorded into
/// <c>Examples/&lt;name&gt;.json</c> beside the type that declares them and embedded in this assembly, so no example is
/// typed by hand and a drift test notices when an answer changes. The examples of the shared responses are here; each
/// operation's own are in its <see cref="IOperationDescription"/>.
/// </summary>
public static class RecordedExamples
{
    /// <summary>The path the shared examples ask for: any imports endpoint answers these the same way.</summary>
    private const string AnyEndpoint = "/api/v1/imports";

    public static RecordedExample ApiVersion { get; } = Shared("api-version.400", 400) with { ApiVersion = "2023-06-01" };

    public static RecordedExample Unauthorized { get; } = Shared("unauthorized.401", 401) with { Credentials = ExampleCredentials.None };

    public static RecordedExample Forbidden { get; } = Shared("forbidden.403", 403) with { Credentials = ExampleCredentials.NoAccess };

    public static RecordedExample MethodNotAllowed { get; } = Shared("method-not-allowed.405", 405) with { Method = "POST" };

    public static RecordedExample TooManyRequests { get; } = Shared("too-many-requests.429", 429) with { Query = "per_page=2" };

    public static RecordedExample InternalServerError { get; } = Shared("internal-server-error.500", 500);

    public static RecordedExample ServiceUnavailable { get; } = Shared("service-unavailable.503", 503);

    public static IReadOnlyList<RecordedExample> All { get; } =
        [ApiVersion, Unauthorized, Forbidden, MethodNotAllowed, TooManyRequests, InternalServerError, ServiceUnavailable];

    private static RecordedExample Shared(string name, int status) => new(typeof(RecordedExamples), name, status) { Path = AnyEndpoint };
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

/// <summary>
/// One recorded example: the request the recorder sends, the status it expects, and the recorded body, the embedded
/// file <c>Examples/&lt;Name&gt;.json</c> in the folder of <paramref name="Owner"/>.
/// </summary>
public sealed record RecordedExample(Type Owner, string Name, int Status)
{
    public string Method { get; init; } = "GET";

    /// <summary>A fixed path; null for an operation's own example, whose path is the operation's route with <see cref="RouteValues"/>.</summary>
    public string? Path { get; init; }

    public IReadOnlyDictionary<string, string> RouteValues { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The query string, without the <c>?</c>; empty for none.</summary>
    public string Query { get; init; } = string.Empty;

    public ExampleCredentials Credentials { get; init; } = ExampleCredentials.Demo;

    /// <summary>The <c>X-Api-Version</c> the request sends, if any.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The path and query the request asks for; <paramref name="routeTemplate"/> is the operation's (<c>api/v1/imports/{id}</c>).</summary>
    public string PathAndQuery(string? routeTemplate)
    {
        var path = Path ?? "/" + RouteValues.Aggregate(
            routeTemplate ?? throw new ArgumentNullException(nameof(routeTemplate), $"The example {Name} needs its operation's route."),
            (template, value) => template.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
        return Query.Length == 0 ? path : $"{path}?{Query}";
    }

    /// <summary>What the document shows as the example's summary, e.g. <c>GET /api/v1/imports?per_page=2</c>.</summary>
    public string Summary(string? routeTemplate) =>
        ApiVersion is null ? $"{Method} {PathAndQuery(routeTemplate)}" : $"{Method} {PathAndQuery(routeTemplate)} with X-Api-Version: {ApiVersion}";

    /// <summary>The recorded body.</summary>
    public JsonNode Body()
    {
        using var stream = Owner.Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The OpenAPI example {Name} has not been recorded ({ResourceName}): see docs/adding-a-query.md.");
        return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"The OpenAPI example {Name} is empty.");
    }

    /// <summary>The embedded resource of the body: <c>Examples/&lt;Name&gt;.json</c> in the folder (namespace) of <see cref="Owner"/>.</summary>
    public string ResourceName => $"{Owner.Namespace}.Examples.{Name}.json";
}
