using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.UnitTests.Application.Imports.ListImports;

/// <summary><c>next_cursor</c> is another name for <c>start_cursor</c>, as Fleetio's clients send it.</summary>
public sealed class NextCursorSynonymTests : PipelineTest
{
    private const long AccountId = 7;

    [SetUp]
    public void Seed() => Pipeline.Imports.Add(AccountId, Enumerable.Range(1, 10).Select(i => new Import(
        i, "vehicles", ImportStatus.Failed, $"{i}.csv", i, null, null, UtcTimestamp.FromUnixMicroseconds(i), UtcTimestamp.FromUnixMicroseconds(i))));

    [Test]
    public async Task Next_cursor_alone_resumes_the_listing_it_came_from()
    {
        var first = await Send(new("per_page", "3"), new("sort[id]", "asc"));

        var second = await Send(new SentParameter("next_cursor", first.NextCursor!));

        Assert.That(second.Records.Select(r => r.Id), Is.EqualTo(new long[] { 4, 5, 6 }));
    }

    [Test]
    public async Task Both_names_with_the_same_cursor_are_one_cursor()
    {
        var first = await Send(new SentParameter("per_page", "3"));

        var second = await Send(new("start_cursor", first.NextCursor!), new("next_cursor", first.NextCursor!));

        Assert.That(second.Records.Select(r => r.Id), Is.EqualTo(new long[] { 7, 6, 5 }));
    }

    [Test]
    public async Task Both_names_with_different_cursors_are_rejected_under_both()
    {
        var first = await Send(new SentParameter("per_page", "3"));
        var second = await Send(new SentParameter("next_cursor", first.NextCursor!));

        var errors = await Errors(new("start_cursor", first.NextCursor!), new("next_cursor", second.NextCursor!));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "start_cursor", "next_cursor" }));
        Assert.That(errors["next_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.TwoCursorsMessage }));
    }

    [Test]
    public async Task A_bad_next_cursor_is_reported_under_next_cursor()
    {
        var errors = await Errors(new SentParameter("next_cursor", "not-a-cursor"));

        Assert.That(errors.Keys, Is.EqualTo(new[] { "next_cursor" }));
        Assert.That(errors["next_cursor"][0], Does.StartWith("next_cursor is not a cursor").And.Contain("leave next_cursor out"));
    }

    [Test]
    public async Task A_next_cursor_with_other_filters_is_reported_under_next_cursor()
    {
        var first = await Send(new SentParameter("per_page", "3"));

        var errors = await Errors(new("next_cursor", first.NextCursor!), new("filter[status][include]", "failed"));

        Assert.That(errors.Keys, Is.EqualTo(new[] { "next_cursor" }));
        Assert.That(errors["next_cursor"], Is.EqualTo(new[] { ListImportsQueryValidator.CursorListingMismatch("next_cursor") }));
    }

    [Test]
    public async Task An_empty_next_cursor_is_the_first_page()
    {
        var page = await Send(new SentParameter("next_cursor", string.Empty));

        Assert.That(page.Records[0].Id, Is.EqualTo(10));
    }

    private Task<ListImportsResult> Send(params SentParameter[] sent) =>
        Pipeline.Send(ListImportsQuery.Read(AccountId, sent, Pipeline.Services.GetRequiredService<ImportCursorCodec>()));

    private async Task<IReadOnlyDictionary<string, string[]>> Errors(params SentParameter[] sent)
    {
        try
        {
            await Send(sent);
        }
        catch (RequestValidationException exception)
        {
            return exception.Errors;
        }

        Assert.Fail("The request was accepted.");
        throw new InvalidOperationException("unreachable");
    }
}
