using ImportsService.Api.Imports;
using ImportsService.Application.Imports.ListImports;
using Microsoft.AspNetCore.Http;

namespace ImportsService.Api.Tests.Imports;

/// <summary>
/// The first step of every request: the raw query string read as sent (<see cref="ImportsControllerBase.ParametersOf"/>)
/// and matched against the use case's parameter table: one value per known name, unknown and repeated names apart.
/// </summary>
public sealed class QueryStringMatchingTests
{
    [Test]
    public void Known_names_keep_their_decoded_values_in_the_order_sent()
    {
        var matched = Match(
            "?start_cursor=abc&per_page=20&filter[status][include]=failed,new&filter[created_at][gte]=2024-01-01T00:00:00%2B02:00" +
            "&filter[updated_at][lt]=2025-01-01&sort[updated_at]=asc&sort[id]=asc");

        Assert.That(matched[ListImportsParameters.StartCursor], Is.EqualTo("abc"));
        Assert.That(matched[ListImportsParameters.PerPage], Is.EqualTo("20"));
        Assert.That(matched[ListImportsParameters.StatusInclude], Is.EqualTo("failed,new"));
        Assert.That(matched.Where(n => n.StartsWith("filter[", StringComparison.Ordinal) && n != ListImportsParameters.StatusInclude).Select(p => (p.Name, p.Value)), Is.EqualTo(new[]
        {
            ("filter[created_at][gte]", "2024-01-01T00:00:00+02:00"),
            ("filter[updated_at][lt]", "2025-01-01"),
        }));
        Assert.That(matched.Where(n => n.StartsWith("sort[", StringComparison.Ordinal)).Select(p => (p.Name, p.Value)), Is.EqualTo(new[]
        {
            ("sort[updated_at]", "asc"),
            ("sort[id]", "asc"),
        }));
        Assert.That(matched.Unknown, Is.Empty);
        Assert.That(matched.Repeated, Is.Empty);
    }

    [Test]
    public void Names_are_matched_exactly_so_another_case_is_unknown_not_a_repeat()
    {
        var matched = Match("?sort[id]=asc&Sort[ID]=desc&PER_PAGE=3&page=2");

        Assert.That(matched.Unknown, Is.EqualTo(new[] { "Sort[ID]", "PER_PAGE", "page" }));
        Assert.That(matched.Repeated, Is.Empty);
        Assert.That(matched["sort[id]"], Is.EqualTo("asc"));
    }

    [Test]
    public void A_name_given_twice_is_repeated_and_keeps_no_value()
    {
        var matched = Match("?per_page=2&per_page=2&filter[created_at][lt]=a&filter[created_at][lt]=b");

        Assert.That(matched.Repeated, Is.EqualTo(new[] { "per_page", "filter[created_at][lt]" }));
        Assert.That(matched[ListImportsParameters.PerPage], Is.Null);
        Assert.That(matched["filter[created_at][lt]"], Is.Null);
    }

    [Test]
    public void An_empty_value_is_kept_as_sent()
    {
        var matched = Match("?start_cursor=");

        Assert.That(matched[ListImportsParameters.StartCursor], Is.Empty);
        Assert.That(matched.Unknown, Is.Empty);
        Assert.That(matched.Repeated, Is.Empty);
    }

    [Test]
    public void No_query_string_sends_nothing()
    {
        Assert.That(ImportsControllerBase.ParametersOf(QueryString.Empty), Is.Empty);
        Assert.That(Match(string.Empty)[ListImportsParameters.StartCursor], Is.Null);
    }

    private static Application.Common.Parameters.MatchedParameters Match(string queryString) =>
        ListImportsParameters.Table.Match(ImportsControllerBase.ParametersOf(new QueryString(queryString)));
}
