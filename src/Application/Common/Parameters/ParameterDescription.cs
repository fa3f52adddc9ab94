namespace ImportsService.Application.Common.Parameters;

/// <summary>Where a parameter travels.</summary>
public enum ParameterLocation
{
    Query,
    Path,
}

/// <summary>What kind of value a parameter takes, as a client (or an API description) sees it.</summary>
public enum ParameterValueKind
{
    /// <summary>Free text, e.g. an opaque cursor.</summary>
    Text,

    /// <summary>A whole number, bounded by <see cref="ParameterDescription.Minimum"/> and <see cref="ParameterDescription.Maximum"/>.</summary>
    WholeNumber,

    /// <summary>An ISO-8601 date or date-time (see <see cref="TimestampText"/>).</summary>
    Timestamp,

    /// <summary>One of <see cref="ParameterDescription.AllowedValues"/>.</summary>
    OneOf,

    /// <summary>A comma-separated list of <see cref="ParameterDescription.AllowedValues"/>.</summary>
    ListOf,
}

/// <summary>
/// One parameter of a use case: its exact name and what it takes. A use case's table of these is the
/// one place its parameters are described; its parse, the API's error messages and any API description
/// read from it.
/// </summary>
public sealed record ParameterDescription(string Name, ParameterValueKind Kind, string Description)
{
    public ParameterLocation Location { get; init; } = ParameterLocation.Query;

    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    public long? Minimum { get; init; }

    public long? Maximum { get; init; }

    public long? Default { get; init; }

    /// <summary>The name of the parameter this one is another spelling of, if any.</summary>
    public string? SynonymOf { get; init; }
}
