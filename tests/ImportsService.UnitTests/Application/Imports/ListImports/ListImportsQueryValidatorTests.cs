using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using static ImportsService.Tests.Shared.SentListImports;

namespace ImportsService.UnitTests.Application.Imports.ListImports;

/// <summary>Every 400 of the contract, sent through the real mediator Pipeline.</summary>
public sealed class ListImportsQueryValidatorTests : PipelineTest
{
    private const long AccountId = 7;
    private const string StatusParameter = "filter[status][include]";

    private static readonly ImportListing FailedByCreatedAt = new(
        ImportFilter.None with
        {
            Statuses = ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete),
            CreatedAt = new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.FromUnixMicroseconds(1_704_067_200_000_000)), null),
        },
        new ImportSort(ImportSortKey.CreatedAt, SortDirection.Descending));

    [Test]
    public async Task A_request_with_no_parameters_is_valid()
    {
        await AssertValid(new SentListImports(AccountId));
    }

    [TestCase("page")]
    [TestCase("offset")]
    [TestCase("limit")]
    public async Task An_offset_paging_parameter_is_rejected_with_a_pointer_to_cursor_paging(string name)
    {
        var errors = await Errors(new SentListImports(AccountId) { UnknownParameters = [name] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { name }));
        Assert.That(errors[name], Has.Length.EqualTo(1));
        Assert.That(errors[name][0], Does.Contain("pages by cursor").And.Contain("start_cursor").And.Contain("next_cursor"));
    }

    [TestCase("filter[name][eq]")]
    [TestCase("filter[created_at][eq]")]
    [TestCase("filter[status][exclude]")]
    public async Task An_unknown_filter_is_rejected_under_its_name_listing_the_allowed_filters(string name)
    {
        var errors = await Errors(new SentListImports(AccountId) { UnknownParameters = [name] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { name }));
        Assert.That(errors[name][0], Does.Contain(name).And.Contain("filter[status][include]").And.Contain("filter[created_at][lt|lte|gt|gte]"));
    }

    [Test]
    public async Task An_unknown_sort_is_rejected_under_its_name_listing_the_allowed_sorts()
    {
        var errors = await Errors(new SentListImports(AccountId) { UnknownParameters = ["sort[name]"] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "sort[name]" }));
        Assert.That(errors["sort[name]"][0], Does.Contain("sort[id], sort[created_at], sort[updated_at]"));
    }

    [Test]
    public async Task Any_other_unknown_parameter_is_rejected_under_its_name_listing_every_parameter()
    {
        var errors = await Errors(new SentListImports(AccountId) { UnknownParameters = ["color", "Per_Page"] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "color", "Per_Page" }));
        Assert.That(errors["color"][0], Does.Contain("start_cursor, per_page"));
    }

    [TestCase("per_page")]
    [TestCase("sort[id]")]
    [TestCase("start_cursor")]
    public async Task A_repeated_parameter_is_rejected_under_its_name(string name)
    {
        var errors = await Errors(new SentListImports(AccountId) { RepeatedParameters = [name] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { name }));
        Assert.That(errors[name][0], Does.Contain("more than once"));
    }

    [TestCase("abc")]
    [TestCase("")]
    [TestCase("1")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("101")]
    [TestCase("2.5")]
    [TestCase(" 50")]
    [TestCase("+50")]
    [TestCase("1e2")]
    [TestCase("99999999999999999999")]
    public async Task A_per_page_that_is_not_a_whole_number_from_2_to_100_is_rejected(string perPage)
    {
        var errors = await Errors(new SentListImports(AccountId) { PerPage = perPage });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "per_page" }));
        Assert.That(errors["per_page"][0], Does.Contain("2").And.Contain("100"));
    }

    [TestCase("2")]
    [TestCase("50")]
    [TestCase("100")]
    public async Task A_per_page_from_2_to_100_is_valid(string perPage)
    {
        await AssertValid(new SentListImports(AccountId) { PerPage = perPage });
    }

    [Test]
    public async Task An_unknown_status_is_rejected_naming_it_and_the_allowed_statuses()
    {
        var errors = await Errors(new SentListImports(AccountId) { StatusInclude = "failed,done" });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { StatusParameter }));
        Assert.That(errors[StatusParameter][0], Does.Contain("'done'").And.Contain(ImportStatusText.AllowedList));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase(",")]
    public async Task An_empty_status_list_is_rejected(string statuses)
    {
        var errors = await Errors(new SentListImports(AccountId) { StatusInclude = statuses });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { StatusParameter }));
        Assert.That(errors[StatusParameter][0], Does.Contain("names no status"));
    }

    [Test]
    public async Task A_status_list_with_duplicates_is_valid()
    {
        await AssertValid(new SentListImports(AccountId) { StatusInclude = "failed,complete,failed" });
    }

    [TestCase(ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "yesterday")]
    [TestCase(ImportTimestampField.CreatedAt, BoundOperator.LessThan, "2024-11-21T10:15:30")]
    [TestCase(ImportTimestampField.UpdatedAt, BoundOperator.GreaterThan, "2024-11-21T10:15:30.1234567Z")]
    [TestCase(ImportTimestampField.UpdatedAt, BoundOperator.LessThanOrEqual, "")]
    public async Task A_bad_timestamp_is_rejected_under_its_parameter_name(ImportTimestampField field, BoundOperator op, string value)
    {
        var bound = Bound(field, op, value);

        var errors = await Errors(new SentListImports(AccountId) { TimestampFilters = [bound] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { bound.ParameterName }));
        Assert.That(errors[bound.ParameterName][0], Does.Contain("ISO-8601").And.Contain("2024-11-21"));
    }

    [Test]
    public async Task Two_lower_bounds_on_one_column_are_rejected_under_both_names()
    {
        var errors = await Errors(new SentListImports(AccountId)
        {
            TimestampFilters =
            [
                Bound(ImportTimestampField.CreatedAt, BoundOperator.GreaterThan, "2024-01-01"),
                Bound(ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "2024-02-01"),
            ],
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "filter[created_at][gt]", "filter[created_at][gte]" }));
        Assert.That(errors["filter[created_at][gt]"][0], Does.Contain("at most one lower bound"));
    }

    [Test]
    public async Task Two_upper_bounds_on_one_column_are_rejected_under_both_names()
    {
        var errors = await Errors(new SentListImports(AccountId)
        {
            TimestampFilters =
            [
                Bound(ImportTimestampField.UpdatedAt, BoundOperator.LessThan, "2024-01-01"),
                Bound(ImportTimestampField.UpdatedAt, BoundOperator.LessThanOrEqual, "2024-02-01"),
            ],
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "filter[updated_at][lt]", "filter[updated_at][lte]" }));
        Assert.That(errors["filter[updated_at][lte]"][0], Does.Contain("at most one upper bound"));
    }

    [Test]
    public async Task A_lower_and_an_upper_bound_make_a_valid_range_on_each_column()
    {
        await AssertValid(new SentListImports(AccountId)
        {
            TimestampFilters =
            [
                Bound(ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "2024-01-01"),
                Bound(ImportTimestampField.CreatedAt, BoundOperator.LessThan, "2024-02-01T00:00:00+01:00"),
                Bound(ImportTimestampField.UpdatedAt, BoundOperator.GreaterThan, "2024-01-01T10:00:00.5Z"),
                Bound(ImportTimestampField.UpdatedAt, BoundOperator.LessThanOrEqual, "2024-03-01"),
            ],
        });
    }

    [TestCase("ascending")]
    [TestCase("ASC")]
    [TestCase("Desc")]
    [TestCase("")]
    [TestCase("1")]
    public async Task A_sort_direction_other_than_asc_or_desc_is_rejected(string direction)
    {
        var errors = await Errors(new SentListImports(AccountId) { Sorts = [Sort(ImportSortKey.CreatedAt, direction)] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "sort[created_at]" }));
        Assert.That(errors["sort[created_at]"][0], Does.Contain("asc or desc"));
    }

    [Test]
    public async Task Sorting_by_both_created_at_and_updated_at_is_rejected_under_both_names()
    {
        var errors = await Errors(new SentListImports(AccountId)
        {
            Sorts = [Sort(ImportSortKey.CreatedAt, "asc"), Sort(ImportSortKey.UpdatedAt, "asc")],
        });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "sort[created_at]", "sort[updated_at]" }));
    }

    [TestCase(ImportSortKey.CreatedAt)]
    [TestCase(ImportSortKey.UpdatedAt)]
    public async Task A_sort_by_id_against_the_timestamp_keys_direction_is_rejected_under_sort_id(ImportSortKey key)
    {
        var errors = await Errors(new SentListImports(AccountId) { Sorts = [Sort(key, "desc"), Sort(ImportSortKey.Id, "asc")] });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "sort[id]" }));
        Assert.That(errors["sort[id]"][0], Does.Contain("same way (desc)"));
    }

    [TestCase("asc")]
    [TestCase("desc")]
    public async Task A_sort_by_id_in_the_timestamp_keys_direction_is_valid(string direction)
    {
        await AssertValid(new SentListImports(AccountId) { Sorts = [Sort(ImportSortKey.Id, direction), Sort(ImportSortKey.UpdatedAt, direction)] });
    }

    [TestCase("asc")]
    [TestCase("desc")]
    public async Task A_sort_by_id_alone_is_valid_either_way(string direction)
    {
        await AssertValid(new SentListImports(AccountId) { Sorts = [Sort(ImportSortKey.Id, direction)] });
    }

    [Test]
    public async Task A_cursor_alone_is_valid()
    {
        await AssertValid(new SentListImports(AccountId) { StartCursor = Cursor(AccountId, FailedByCreatedAt) });
    }

    [Test]
    public async Task An_empty_cursor_is_the_first_page()
    {
        await AssertValid(new SentListImports(AccountId) { StartCursor = string.Empty });
    }

    [Test]
    public async Task A_tampered_cursor_is_rejected_under_start_cursor()
    {
        var token = Cursor(AccountId, FailedByCreatedAt);
        var tampered = string.Concat(token.AsSpan(0, 10), token[10] == 'A' ? "B" : "A", token.AsSpan(11));

        var errors = await Errors(new SentListImports(AccountId) { StartCursor = tampered });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "start_cursor" }));
        Assert.That(errors["start_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.InvalidCursor("start_cursor") }));
    }

    [Test]
    public async Task Another_accounts_cursor_is_rejected_with_the_same_message_as_a_forgery()
    {
        var errors = await Errors(new SentListImports(AccountId) { StartCursor = Cursor(AccountId + 1, FailedByCreatedAt) });

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "start_cursor" }));
        Assert.That(errors["start_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.InvalidCursor("start_cursor") }));
    }

    [TestCase("not-a-cursor")]
    [TestCase("%%%")]
    [TestCase("AQcEAAK68Kc2nmQR-C3TJVZr4XJg")]
    public async Task A_malformed_cursor_is_rejected_under_start_cursor(string cursor)
    {
        var errors = await Errors(new SentListImports(AccountId) { StartCursor = cursor });

        Assert.That(errors["start_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.InvalidCursor("start_cursor") }));
    }

    [Test]
    public async Task A_cursor_with_other_filters_is_rejected_under_start_cursor()
    {
        var query = For(AccountId, FailedByCreatedAt) with { StatusInclude = "failed", StartCursor = Cursor(AccountId, FailedByCreatedAt) };

        var errors = await Errors(query);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "start_cursor" }));
        Assert.That(errors["start_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.CursorListingMismatch("start_cursor") }));
    }

    [Test]
    public async Task A_cursor_with_another_sort_is_rejected_under_start_cursor()
    {
        var query = For(AccountId, FailedByCreatedAt) with
        {
            Sorts = [Sort(ImportSortKey.CreatedAt, "asc")],
            StartCursor = Cursor(AccountId, FailedByCreatedAt),
        };

        var errors = await Errors(query);

        Assert.That(errors["start_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.CursorListingMismatch("start_cursor") }));
    }

    [Test]
    public async Task A_cursor_with_only_some_of_its_filters_is_rejected_under_start_cursor()
    {
        var query = new SentListImports(AccountId) { StatusInclude = "failed,complete", StartCursor = Cursor(AccountId, FailedByCreatedAt) };

        var errors = await Errors(query);

        Assert.That(errors["start_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.CursorListingMismatch("start_cursor") }));
    }

    [Test]
    public async Task A_cursor_with_equal_filters_and_sort_is_valid_however_they_are_spelled()
    {
        var query = new SentListImports(AccountId)
        {
            StartCursor = Cursor(AccountId, FailedByCreatedAt),
            StatusInclude = "complete, failed,complete",
            TimestampFilters = [Bound(ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "2024-01-01T02:00:00+02:00")],
            Sorts = [Sort(ImportSortKey.Id, "desc"), Sort(ImportSortKey.CreatedAt, "desc")],
            PerPage = "10",
        };

        await AssertValid(query);
    }

    [Test]
    public async Task A_default_sort_named_with_a_default_listing_cursor_is_valid()
    {
        await AssertValid(new SentListImports(AccountId)
        {
            StartCursor = Cursor(AccountId, ImportListing.Default),
            Sorts = [Sort(ImportSortKey.Id, "desc")],
        });
    }

    [Test]
    public async Task Every_problem_comes_back_at_once_keyed_by_the_exact_parameter_names()
    {
        var query = new SentListImports(AccountId)
        {
            UnknownParameters = ["page", "filter[name][eq]"],
            RepeatedParameters = ["sort[id]"],
            PerPage = "101",
            StatusInclude = "done",
            TimestampFilters =
            [
                Bound(ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "last tuesday"),
                Bound(ImportTimestampField.UpdatedAt, BoundOperator.GreaterThan, "2024-01-01"),
                Bound(ImportTimestampField.UpdatedAt, BoundOperator.GreaterThanOrEqual, "2024-01-02"),
            ],
            Sorts = [Sort(ImportSortKey.CreatedAt, "up"), Sort(ImportSortKey.UpdatedAt, "desc")],
            StartCursor = "garbage",
        };

        var errors = await Errors(query);

        Assert.That(errors.Keys, Is.EquivalentTo(new[]
        {
            "page", "filter[name][eq]", "sort[id]", "per_page", StatusParameter, "filter[created_at][gte]",
            "filter[updated_at][gt]", "filter[updated_at][gte]", "sort[created_at]", "sort[updated_at]", "start_cursor",
        }));
        Assert.That(errors["sort[created_at]"], Has.Length.EqualTo(2), "a bad direction and a second timestamp sort are two problems");
        Assert.That(errors.Values.SelectMany(messages => messages), Has.All.Not.Empty);
    }

    [Test]
    public async Task A_rejected_request_never_reaches_the_reader()
    {
        await Errors(new SentListImports(AccountId) { UnknownParameters = ["page"] });

        Assert.That(Pipeline.Imports.Requests, Is.Empty);
    }

    private string Cursor(long accountId, ImportListing listing) =>
        Pipeline.Cursors.Encode(new ImportCursor(accountId, listing, 10, new KeysetPosition(UtcTimestamp.FromUnixMicroseconds(1_732_184_130_000_000), 99)));

    private async Task<IReadOnlyDictionary<string, string[]>> Errors(SentListImports query)
    {
        try
        {
            await Pipeline.Send(query);
        }
        catch (RequestValidationException exception)
        {
            return exception.Errors;
        }

        Assert.Fail("The request was accepted.");
        throw new InvalidOperationException("unreachable");
    }

    private async Task AssertValid(SentListImports query)
    {
        var result = await Pipeline.Send(query);

        Assert.That(result, Is.Not.Null);
        Assert.That(Pipeline.Imports.Requests, Has.Count.EqualTo(1), "the request reached the reader");
    }
}
