namespace ImportsService.Application.Common.Parameters;

/// <summary>One <c>name=value</c> pair exactly as the client sent it: decoded, with its case and order kept.</summary>
public readonly record struct SentParameter(string Name, string Value);
