namespace ImportsService.Api.Versioning;

/// <summary>
/// How one endpoint writes its 200 body from one release on. A breaking change to a body is a new implementation with a
/// later <see cref="IResponseFormat.Since"/> beside the old one; the old one is never edited, because clients locked
/// to its release keep reading it. Every implementation in the Api assembly is registered by <c>AddApiVersions</c>.
/// </summary>
public interface IResponseFormat<in TResult> : IResponseFormat
{
    object Write(TResult result);
}

/// <summary>What <see cref="ResponseFormats"/> needs to know of every format, whatever it writes.</summary>
public interface IResponseFormat
{
    /// <summary>The release that introduced this format; it serves that release and later ones up to the next format.</summary>
    DateOnly Since { get; }
}
