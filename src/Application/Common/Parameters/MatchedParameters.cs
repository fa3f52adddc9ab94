namespace ImportsService.Application.Common.Parameters;

/// <summary>What <see cref="ParameterTable.Match"/> made of a request: names in the order the client first sent them.</summary>
/// <param name="Values">The known names sent once, with their values.</param>
/// <param name="Unknown">The names the table does not hold.</param>
/// <param name="Repeated">The known names sent more than once.</param>
public sealed record MatchedParameters(IReadOnlyList<SentParameter> Values, IReadOnlyList<string> Unknown, IReadOnlyList<string> Repeated)
{
    /// <summary>The value of <paramref name="name"/>, or null when it was not sent (or was sent more than once).</summary>
    public string? this[string name] => Values.FirstOrDefault(v => v.Name == name).Value;

    /// <summary>The values whose names match, in the order sent.</summary>
    public IEnumerable<SentParameter> Where(Func<string, bool> nameMatches)
    {
        ArgumentNullException.ThrowIfNull(nameMatches);
        return Values.Where(v => nameMatches(v.Name));
    }
}
