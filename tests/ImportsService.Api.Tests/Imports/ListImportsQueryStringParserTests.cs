using ImportsService.Api.Imports;
using ImportsService.Domain.Imports;
using Microsoft.AspNetCore.Http;

namespace ImportsService.Api.Tests.Imports;

public sealed class ListImportsQueryStringParserTests
{
    [Test]
    public void Known_names_fill_their_slots_with_decoded_values()
    {
        var query = ListImportsQueryStringParser.Parse(7, new QueryString(
            "?start_cursor=abc&per_page=20&filter[status][include]=failed,new&filter[created_at][gte]=2024-01-01T00:00:00%2B02:00" +
            "&filter[updated_at][lt]=2025-01-01&sort[updated_at]=asc&sort[id]=asc"));

        Assert.That(query.AccountId, Is.EqualTo(7));
        Assert.That(query.StartCursor, Is.EqualTo("abc"));
        Assert.That(query.PerPage, Is.EqualTo("20"));
        Assert.That(query.StatusInclude, Is.EqualTo("failed,new"));
        Assert.That(query.TimestampFilters.Select(f => (f.ParameterName, f.Field, f.Operator, f.Value)), Is.EqualTo(new[]
        {
            ("filter[created_at][gte]", ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "2024-01-01T00:00:00+02:00"),
            ("filter[updated_at][lt]", ImportTimestampField.UpdatedAt, BoundOperator.LessThan, "2025-01-01"),
        }));
        Assert.That(query.Sorts.Select(s => (s.ParameterName, s.Key, s.Direction)), Is.EqualTo(new[]
        {
            ("sort[updated_at]", ImportSortKey.UpdatedAt, "asc"),
            ("sort[id]", ImportSortKey.Id, "asc"),
        }));
        Assert.That(query.UnknownParameters, Is.Empty);
        Assert.That(query.RepeatedParameters, Is.Empty);
    }

    [Test]
    public void Names_are_matched_exactly_so_another_case_is_unknown_not_a_repeat()
    {
        var query = ListImportsQueryStringParser.Parse(1, new QueryString("?sort[id]=asc&Sort[ID]=desc&PER_PAGE=3&page=2"));

        Assert.That(query.UnknownParameters, Is.EqualTo(new[] { "Sort[ID]", "PER_PAGE", "page" }));
        Assert.That(query.RepeatedParameters, Is.Empty);
        Assert.That(query.Sorts.Single().Direction, Is.EqualTo("asc"));
    }

    [Test]
    public void A_name_given_twice_is_repeated_and_fills_no_slot()
    {
        var query = ListImportsQueryStringParser.Parse(1, new QueryString("?per_page=2&per_page=2&filter[created_at][lt]=a&filter[created_at][lt]=b"));

        Assert.That(query.RepeatedParameters, Is.EqualTo(new[] { "per_page", "filter[created_at][lt]" }));
        Assert.That(query.PerPage, Is.Null);
        Assert.That(query.TimestampFilters, Is.Empty);
    }

    [Test]
    public void An_empty_start_cursor_is_no_cursor()
    {
        var query = ListImportsQueryStringParser.Parse(1, new QueryString("?start_cursor="));

        Assert.That(query.StartCursor, Is.Null);
        Assert.That(query.UnknownParameters, Is.Empty);
    }

    [Test]
    public void No_query_string_is_the_default_listing()
    {
        var query = ListImportsQueryStringParser.Parse(1, QueryString.Empty);

        Assert.That(query.NamesListing, Is.False);
        Assert.That(query.StartCursor, Is.Null);
        Assert.That(query.PerPage, Is.Null);
    }
}
