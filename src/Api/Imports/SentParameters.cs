using ImportsService.Application.Common.Parameters;
using Microsoft.AspNetCore.WebUtilities;

namespace ImportsService.Api.Imports;

/// <summary>
/// The query string as the client sent it: decoded name/value pairs, in order, names exact. The use
/// case's parameter table judges them; nothing here knows which names exist.
/// </summary>
/// <remarks>
/// It reads the raw query string, not <see cref="IQueryCollection"/>: that one merges keys that differ
/// only in case, and here <c>Sort[ID]</c> is an unknown name, not a second <c>sort[id]</c>.
/// </remarks>
public static class SentParameters
{
    public static IReadOnlyList<SentParameter> FromQueryString(QueryString queryString)
    {
        var sent = new List<SentParameter>();
        foreach (var pair in new QueryStringEnumerable(queryString.Value))
        {
            sent.Add(new SentParameter(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return sent;
    }
}
