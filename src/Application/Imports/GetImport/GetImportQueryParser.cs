using System.Globalization;
using ImportsService.Application.Common.Parameters;
using static ImportsService.Application.Imports.GetImport.GetImportParameters;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>The one parse of a Get Import request: the id from the path, and no query parameters.</summary>
public sealed class GetImportQueryParser : IQueryParser
{
    public static readonly string InvalidIdMessage =
        $"{Id} must be a positive whole number (1 to {long.MaxValue}): the id of an import as List Imports returns it.";

    /// <param name="accountId">The account the caller may read (from authentication, never from the client).</param>
    /// <param name="id">The id as it appears in the path.</param>
    /// <param name="sent">The query-string parameters as sent (any is an error).</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Every use case's parser is an injected service of the same shape, whether or not it needs services.")]
    public GetImportQuery Parse(long accountId, string id, IEnumerable<SentParameter> sent)
    {
        var errors = new List<ParameterError>(Table.Sort(sent).Errors);
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var importId) || importId < 1)
        {
            errors.Add(new ParameterError(Id, InvalidIdMessage));
        }

        return new GetImportQuery(accountId, importId) { ParameterErrors = errors };
    }
}
