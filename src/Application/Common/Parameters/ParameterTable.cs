namespace ImportsService.Application.Common.Parameters;

/// <summary>
/// The parameters a use case takes, by exact (case-sensitive) name, and the first step of every parse:
/// sorting what a client sent into one value per known name, and an error for each name that is unknown
/// or given more than once.
/// </summary>
public sealed class ParameterTable
{
    private readonly Dictionary<string, ParameterDescription> byName;
    private readonly Func<string, string> unknownParameterMessage;

    /// <param name="unknownParameterMessage">The message for a name the table does not hold (it gets the name as sent).</param>
    public ParameterTable(IEnumerable<ParameterDescription> parameters, Func<string, string> unknownParameterMessage)
    {
        Parameters = [.. parameters ?? throw new ArgumentNullException(nameof(parameters))];
        byName = Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        this.unknownParameterMessage = unknownParameterMessage ?? throw new ArgumentNullException(nameof(unknownParameterMessage));
    }

    /// <summary>Every parameter, in the order the use case lists them.</summary>
    public IReadOnlyList<ParameterDescription> Parameters { get; }

    /// <summary>The query-string parameters (path parameters travel in the route).</summary>
    public IEnumerable<ParameterDescription> QueryParameters => Parameters.Where(p => p.Location == ParameterLocation.Query);

    public bool Contains(string name) => byName.ContainsKey(name);

    public ParameterDescription this[string name] => byName[name];

    /// <summary>
    /// One value per known query name, and one error per unknown name and per known name given more than
    /// once (unknown names first, each in the order of its first appearance). A repeated name keeps no value.
    /// </summary>
    public SortedParameters Sort(IEnumerable<SentParameter> sent)
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
        var errors = order.Where(name => !IsQueryName(name)).Select(name => new ParameterError(name, unknownParameterMessage(name))).ToList();
        errors.AddRange(order
            .Where(name => IsQueryName(name) && counts[name].Count > 1)
            .Select(name => new ParameterError(name, $"{name} was given more than once; give it at most once.")));

        var values = order.Where(name => IsQueryName(name) && counts[name].Count == 1).Select(name => new SentParameter(name, counts[name].Value));
        return new SortedParameters(values.ToArray(), errors);
    }
}
