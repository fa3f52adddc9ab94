namespace ImportsService.Application.Common.Parameters;

/// <summary>What <see cref="ParameterTable.Sort"/> made of a request: one value per known name, in the order sent, and the errors so far.</summary>
public sealed class SortedParameters
{
    private readonly IReadOnlyList<SentParameter> values;

    internal SortedParameters(IReadOnlyList<SentParameter> values, IReadOnlyList<ParameterError> errors)
    {
        this.values = values;
        Errors = errors;
    }

    /// <summary>Unknown and repeated names.</summary>
    public IReadOnlyList<ParameterError> Errors { get; }

    /// <summary>The value of <paramref name="name"/>, or null when it was not sent (or was sent more than once).</summary>
    public string? this[string name] => values.FirstOrDefault(v => v.Name == name).Value;

    /// <summary>The known parameters that were sent once, each with its value, in the order sent.</summary>
    public IEnumerable<SentParameter> Where(Func<string, bool> nameMatches)
    {
        ArgumentNullException.ThrowIfNull(nameMatches);
        return values.Where(v => nameMatches(v.Name));
    }
}
