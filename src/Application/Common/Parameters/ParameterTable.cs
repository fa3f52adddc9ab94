namespace ImportsService.Application.Common.Parameters;

/// <summary>
/// The parameters a use case takes, by exact (case-sensitive) name: what its API description shows, and what a
/// request is matched against before its values are read.
/// </summary>
public sealed class ParameterTable
{
    private readonly Dictionary<string, ParameterDescription> byName;

    public ParameterTable(IEnumerable<ParameterDescription> parameters)
    {
        Parameters = [.. parameters ?? throw new ArgumentNullException(nameof(parameters))];
        byName = Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Every parameter, in the order the use case lists them.</summary>
    public IReadOnlyList<ParameterDescription> Parameters { get; }

    /// <summary>The query-string parameters (path parameters travel in the route).</summary>
    public IEnumerable<ParameterDescription> QueryParameters => Parameters.Where(p => p.Location == ParameterLocation.Query);

    /// <summary>
    /// Splits what a client sent into one value per query name the table holds, the names it does not hold, and the
    /// names sent more than once (which keep no value: the client must say which one it meant).
    /// </summary>
    public MatchedParameters Match(IEnumerable<SentParameter> sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var counts = new Dictionary<string, (int Count, string Value)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (name, value) in sent)
        {
            if (counts.TryGetValue(name, out var seen))
            {
                counts[name] = (seen.Count + 1, seen.Value);
            }
            else
            {
                counts[name] = (1, value);
                order.Add(name);
            }
        }

        bool IsQueryName(string name) => byName.TryGetValue(name, out var p) && p.Location == ParameterLocation.Query;
        return new MatchedParameters(
            [.. order.Where(name => IsQueryName(name) && counts[name].Count == 1).Select(name => new SentParameter(name, counts[name].Value))],
            [.. order.Where(name => !IsQueryName(name))],
            [.. order.Where(name => IsQueryName(name) && counts[name].Count > 1)]);
    }
}
