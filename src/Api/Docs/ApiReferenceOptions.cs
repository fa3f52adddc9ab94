namespace ImportsService.Api.Docs;

/// <summary>The <c>ApiDocs</c> configuration section: whether <c>/docs</c> (the API reference page) is served.</summary>
public sealed class ApiReferenceOptions
{
    public const string SectionName = "ApiDocs";

    /// <summary>Serve <c>/docs</c>. Unset: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }
}
