using ImportsService.Domain.Imports;

using ImportsService.Application.Imports;

namespace ImportsService.UnitTests.Application.Imports;

public sealed class ImportStatusNamesTests
{
    [TestCase("new", ImportStatus.New)]
    [TestCase("queued", ImportStatus.Queued)]
    [TestCase("processing", ImportStatus.Processing)]
    [TestCase("partially_complete", ImportStatus.PartiallyComplete)]
    [TestCase("failed", ImportStatus.Failed)]
    [TestCase("complete", ImportStatus.Complete)]
    [TestCase("incomplete", ImportStatus.Incomplete)]
    [TestCase("rolled_back", ImportStatus.RolledBack)]
    [TestCase("rolling_back", ImportStatus.RollingBack)]
    [TestCase("unsupported", ImportStatus.Unsupported)]
    public void Each_wire_name_of_the_contract_parses_to_its_status_and_back(string wireName, ImportStatus status)
    {
        var parsed = ImportStatusText.TryParse(wireName, out var actual);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(actual, Is.EqualTo(status));
            Assert.That(status.ToText(), Is.EqualTo(wireName));
        }
    }

    [Test]
    public void All_lists_the_ten_statuses_once_each_in_stored_code_order()
    {
        Assert.That(ImportStatusSet.AllStatuses, Is.EqualTo(Enum.GetValues<ImportStatus>().OrderBy(s => (int)s)));
    }

    [Test]
    public void The_allowed_list_names_every_status_for_error_messages()
    {
        Assert.That(
            ImportStatusText.AllowedList,
            Is.EqualTo("new, queued, processing, partially_complete, failed, complete, incomplete, rolled_back, rolling_back, unsupported"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    [TestCase("NEW")]
    [TestCase("Failed")]
    [TestCase(" new")]
    [TestCase("rolled-back")]
    [TestCase("partially complete")]
    [TestCase("done")]
    [TestCase("0")]
    public void An_unknown_name_is_false_not_an_exception(string? name)
    {
        Assert.That(ImportStatusText.TryParse(name, out _), Is.False);
    }

    [Test]
    public void A_value_outside_the_enum_has_no_wire_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ImportStatus)10).ToText());
    }
}
