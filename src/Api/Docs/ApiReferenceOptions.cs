namespace ImportsService.Api.Docs;

/// <summary>The <c>ApiDocs</c> configuration section: whether <c>/docs</c> (the API reference page) is served.</summary>
public sealed class ApiReferenceOptions
{
    public const string SectionName = "ApiDocs";

    /// <summary>Serve <c>/docs</c>. Unset: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The server the OpenAPI document names (what the reference page's "try it" panel and its snippets call), e.g.
    /// <c>https://imports.example.com</c>. Unset: <c>/</c>, the host the document was fetched from.
    /// </summary>
    public string? ServerUrl { get; set; }

    /// <summary>The OpenAPI <c>servers</c> URL: <see cref="ServerUrl"/> when set, else relative.</summary>
    public string OpenApiServerUrl => string.IsNullOrEmpty(ServerUrl) ? "/" : ServerUrl.TrimEnd('/') is { Length: > 0 } url ? url : "/";

    /// <summary>What is wrong with <see cref="ServerUrl"/>, or null: it must be an absolute http(s) URL or a path from the root.</summary>
    public string? ServerUrlProblem() =>
        string.IsNullOrEmpty(ServerUrl)
        || (ServerUrl.StartsWith('/') && !ServerUrl.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(ServerUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && url.Query.Length == 0)
            ? null
            : $"{SectionName}:ServerUrl must be an absolute http or https URL (https://imports.example.com) or a path from the root (/imports), not '{ServerUrl}'.";
}
