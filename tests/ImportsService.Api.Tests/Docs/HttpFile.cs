using System.Text.Json;
using System.Text.RegularExpressions;

namespace ImportsService.Api.Tests.Docs;

/// <summary>
/// The subset of the .http format (Visual Studio, Rider, REST Client) that src/Api/ImportsService.Api.http uses:
/// <c>@name = value</c> variables, requests separated by <c>###</c>, <c># @name</c> to keep a response,
/// <c>{{name.response.body.$.path}}</c> to read it (properties and [index] only), and this project's
/// <c># expect: status</c> comment.
/// </summary>
internal sealed partial class HttpFile
{
    private HttpFile(IReadOnlyDictionary<string, string> variables, IReadOnlyList<HttpFileRequest> requests)
    {
        Variables = variables;
        Requests = requests;
    }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public IReadOnlyList<HttpFileRequest> Requests { get; }

    public static HttpFile Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<HttpFileRequest>();
        foreach (var block in Regex.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal), @"^###.*$", RegexOptions.Multiline))
        {
            string? name = null, title = null, method = null, url = null;
            int? expect = null;
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var raw in block.Split('\n'))
            {
                var line = raw.Trim();
                if (VariableLine().Match(line) is { Success: true } variable && method is null)
                {
                    variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
                }
                else if (line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
                {
                    var comment = line.TrimStart('#', '/').Trim();
                    if (comment.StartsWith("@name ", StringComparison.Ordinal))
                    {
                        name = comment["@name ".Length..].Trim();
                    }
                    else if (comment.StartsWith("expect:", StringComparison.Ordinal))
                    {
                        expect = int.Parse(comment["expect:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
                else if (line.Length == 0)
                {
                    // A blank line ends the headers; the requests in this file have no bodies.
                }
                else if (method is null)
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    (method, url) = (parts[0], parts[1]);
                }
                else
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }
            }

            title = block.Split('\n')[0].Trim();
            if (method is not null)
            {
                requests.Add(new HttpFileRequest(title, name, expect, method, url!, headers));
            }
        }

        return new HttpFile(variables, requests);
    }

    /// <summary>Replaces each <c>{{…}}</c> by a variable or a named response's JSON value; an unknown one throws.</summary>
    public static string Resolve(string text, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, JsonElement> responses) =>
        Placeholder().Replace(text, match =>
        {
            var expression = match.Groups[1].Value.Trim();
            if (variables.TryGetValue(expression, out var value))
            {
                return value;
            }

            var reference = ResponseReference().Match(expression);
            if (!reference.Success || !responses.TryGetValue(reference.Groups[1].Value, out var element))
            {
                throw new InvalidOperationException($"Unresolved {{{{{expression}}}}}: no such variable or named response.");
            }

            foreach (Match step in PathStep().Matches(reference.Groups[2].Value))
            {
                element = step.Groups[1].Success ? element.GetProperty(step.Groups[1].Value) : element[int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)];
            }

            return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        });

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\.response\.body\.\$((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*)$")]
    private static partial Regex ResponseReference();

    [GeneratedRegex(@"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")]
    private static partial Regex PathStep();
}

internal sealed record HttpFileRequest(string Title, string? Name, int? ExpectedStatus, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public override string ToString() => $"{Method} {Url} ({Title})";
}
