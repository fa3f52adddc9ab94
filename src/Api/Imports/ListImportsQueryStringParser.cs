using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using Microsoft.AspNetCore.WebUtilities;

namespace ImportsService.Api.Imports;

/// <summary>
/// Maps the query string onto <see cref="ListImportsQuery"/>'s slots by exact, case-sensitive name. It
/// judges nothing but names and counts: an unknown name or a repeated one is recorded for the validator,
/// which reports every problem of the request at once.
/// </summary>
/// <remarks>
/// It reads the raw query string, not <see cref="IQueryCollection"/>: that one merges keys that differ
/// only in case, and here <c>Sort[ID]</c> is an unknown name, not a second <c>sort[id]</c>.
/// </remarks>
public static class ListImportsQueryStringParser
{
    private const string StartCursor = "start_cursor";
    private const string PerPage = "per_page";
    private const string StatusInclude = "filter[status][include]";

    private static readonly Dictionary<string, (ImportTimestampField Field, BoundOperator Operator)> TimestampFilters =
        (from field in new[] { ImportTimestampField.CreatedAt, ImportTimestampField.UpdatedAt }
         from op in new[] { BoundOperator.LessThan, BoundOperator.LessThanOrEqual, BoundOperator.GreaterThan, BoundOperator.GreaterThanOrEqual }
         select (Name: $"filter[{field.ToWireName()}][{op.ToWireName()}]", field, op))
        .ToDictionary(x => x.Name, x => (x.field, x.op), StringComparer.Ordinal);

    private static readonly Dictionary<string, ImportSortKey> Sorts =
        new[] { ImportSortKey.Id, ImportSortKey.CreatedAt, ImportSortKey.UpdatedAt }
        .ToDictionary(key => $"sort[{key.ToWireName()}]", key => key, StringComparer.Ordinal);

    public static ListImportsQuery Parse(long accountId, QueryString queryString)
    {
        string? startCursor = null, perPage = null, statusInclude = null;
        var timestampFilters = new List<TimestampFilterParameter>();
        var sorts = new List<SortParameter>();
        var unknown = new List<string>();
        var repeated = new List<string>();

        foreach (var (name, values) in GroupByExactName(queryString))
        {
            if (!IsKnown(name))
            {
                unknown.Add(name);
                continue;
            }

            if (values.Count > 1)
            {
                repeated.Add(name);
                continue;
            }

            var value = values[0];
            switch (name)
            {
                case StartCursor:
                    startCursor = string.IsNullOrEmpty(value) ? null : value;
                    break;
                case PerPage:
                    perPage = value;
                    break;
                case StatusInclude:
                    statusInclude = value;
                    break;
                default:
                    if (TimestampFilters.TryGetValue(name, out var filter))
                    {
                        timestampFilters.Add(new TimestampFilterParameter(name, filter.Field, filter.Operator, value));
                    }
                    else
                    {
                        sorts.Add(new SortParameter(name, Sorts[name], value));
                    }

                    break;
            }
        }

        return new ListImportsQuery(accountId)
        {
            StartCursor = startCursor,
            PerPage = perPage,
            StatusInclude = statusInclude,
            TimestampFilters = timestampFilters,
            Sorts = sorts,
            UnknownParameters = unknown,
            RepeatedParameters = repeated,
        };
    }

    private static bool IsKnown(string name) =>
        name is StartCursor or PerPage or StatusInclude || TimestampFilters.ContainsKey(name) || Sorts.ContainsKey(name);

    /// <summary>Name/value pairs as sent, decoded, grouped by exact name in order of first appearance.</summary>
    private static List<(string Name, List<string> Values)> GroupByExactName(QueryString queryString)
    {
        var groups = new List<(string Name, List<string> Values)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in new QueryStringEnumerable(queryString.Value))
        {
            var name = pair.DecodeName().ToString();
            var value = pair.DecodeValue().ToString();
            if (!index.TryGetValue(name, out var at))
            {
                index[name] = at = groups.Count;
                groups.Add((name, []));
            }

            groups[at].Values.Add(value);
        }

        return groups;
    }
}
