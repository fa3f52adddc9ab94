using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Domain.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.UnitTests.Application.Imports.GetImport;

/// <summary>Get Import through the real pipeline: parse, validation, handler, over the in-memory reader.</summary>
public sealed class GetImportTests : PipelineTest
{
    private const long AccountId = 7;
    private const long OtherAccountId = 8;

    private static readonly Import Import = new(
        42, "vehicles", ImportStatus.Complete, "fleet.csv", 2048, "a note", UtcTimestamp.FromUnixMicroseconds(1_704_067_300_000_000),
        UtcTimestamp.FromUnixMicroseconds(1_704_067_200_000_000), UtcTimestamp.FromUnixMicroseconds(1_704_067_300_000_000));

    [SetUp]
    public void AddImports()
    {
        Pipeline.Imports.Add(AccountId, [Import]);
        Pipeline.Imports.Add(OtherAccountId, [Import with { Id = 43 }]);
    }

    [Test]
    public async Task An_import_of_the_callers_account_is_returned_as_stored()
    {
        var result = await Pipeline.Send(Parse(AccountId, "42"));

        Assert.That(result.Import, Is.EqualTo(Import));
        Assert.That(Pipeline.Imports.Lookups, Is.EqualTo(new[] { (AccountId, 42L) }));
    }

    [Test]
    public async Task A_missing_import_and_another_accounts_import_are_the_same_not_found()
    {
        var missing = Assert.ThrowsAsync<NotFoundException>(() => Pipeline.Send(Parse(AccountId, "44")));
        var foreign = Assert.ThrowsAsync<NotFoundException>(() => Pipeline.Send(Parse(AccountId, "43")));

        Assert.That(foreign!.Message, Is.EqualTo(missing!.Message));
        Assert.That(Pipeline.Imports.Lookups, Is.EqualTo(new[] { (AccountId, 44L), (AccountId, 43L) }), "both were asked of the caller's account only");
        await Task.CompletedTask;
    }

    [TestCase("abc")]
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("1.5")]
    [TestCase("+1")]
    [TestCase(" 1")]
    [TestCase("1e3")]
    [TestCase("9223372036854775808")]
    [TestCase("")]
    public async Task An_id_that_is_not_a_positive_64_bit_whole_number_is_rejected_under_id(string id)
    {
        var errors = await Errors(Parse(AccountId, id));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "id" }));
        Assert.That(errors["id"][0], Does.Contain("positive whole number").And.Contain(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(Pipeline.Imports.Lookups, Is.Empty);
    }

    [Test]
    public async Task The_largest_id_is_a_valid_id()
    {
        Assert.ThrowsAsync<NotFoundException>(() => Pipeline.Send(Parse(AccountId, long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.That(Pipeline.Imports.Lookups, Is.EqualTo(new[] { (AccountId, long.MaxValue) }));
        await Task.CompletedTask;
    }

    [Test]
    public async Task Query_parameters_are_unknown_and_reported_with_the_id_at_once()
    {
        var errors = await Errors(Parse(AccountId, "x", new SentParameter("fields", "id"), new SentParameter("per_page", "2")));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "fields", "per_page", "id" }));
        Assert.That(errors["fields"][0], Does.Contain("takes no query parameters"));
    }

    [Test]
    public async Task The_request_token_reaches_the_reader()
    {
        using var cancellation = new CancellationTokenSource();

        await Pipeline.Send(Parse(AccountId, "42"), cancellation.Token);

        Assert.That(Pipeline.Imports.Tokens, Is.EqualTo(new[] { cancellation.Token }));
    }

    private static GetImportQuery Parse(long accountId, string id, params SentParameter[] sent) =>
        GetImportQuery.Read(accountId, id, sent);

    private async Task<IReadOnlyDictionary<string, string[]>> Errors(GetImportQuery query)
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
}
