using ImportsService.Domain.Imports;

using ImportsService.Application.Imports;

namespace ImportsService.UnitTests.Application.Imports;

public sealed class StatusListTests
{
    [Test]
    public void A_list_parses_to_its_members_in_canonical_stored_code_order()
    {
        var parsed = ImportStatusText.TryParseList("complete,new,failed", out var set, out var unknown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.True);
            Assert.That(unknown, Is.Empty);
            Assert.That(set.Members, Is.EqualTo(new[] { ImportStatus.New, ImportStatus.Failed, ImportStatus.Complete }));
            Assert.That(set.ToText(), Is.EqualTo("new,failed,complete"));
        }
    }

    [Test]
    public void Duplicates_are_ignored_and_order_does_not_matter()
    {
        var parsed = ImportStatusText.TryParseList("queued,new,queued,new", out var withDuplicates, out _);
        var parsedPlain = ImportStatusText.TryParseList("new,queued", out var plain, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed && parsedPlain, Is.True);
            Assert.That(withDuplicates, Is.EqualTo(plain));
            Assert.That(withDuplicates.ToText(), Is.EqualTo("new,queued"));
        }
    }

    [Test]
    public void Blanks_around_names_are_ignored()
    {
        Assert.That(ImportStatusText.TryParseList(" failed , complete ", out var set, out _), Is.True);
        Assert.That(set, Is.EqualTo(ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete)));
    }

    [TestCase("failed,,complete")]
    [TestCase("failed,complete,")]
    [TestCase(",failed, ,complete")]
    public void Empty_items_are_ignored(string list)
    {
        Assert.That(ImportStatusText.TryParseList(list, out var set, out var unknown), Is.True);
        Assert.That(unknown, Is.Empty);
        Assert.That(set, Is.EqualTo(ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete)));
    }

    [Test]
    public void Every_status_together_is_a_valid_set()
    {
        var all = string.Join(',', ImportStatusSet.AllStatuses.Reverse().Select(s => s.ToText()));

        Assert.That(ImportStatusText.TryParseList(all, out var set, out _), Is.True);
        Assert.That(set.Members, Is.EqualTo(ImportStatusSet.AllStatuses));
    }

    [Test]
    public void Unknown_names_are_reported_as_sent_and_the_list_is_rejected()
    {
        var parsed = ImportStatusText.TryParseList("new,done,Failed", out _, out var unknown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(unknown, Is.EqualTo(new[] { "done", "Failed" }));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_list_is_false_with_no_unknown_name(string? list)
    {
        var parsed = ImportStatusText.TryParseList(list, out _, out var unknown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed, Is.False);
            Assert.That(unknown, Is.Empty);
        }
    }

    [Test]
    public void A_set_contains_exactly_its_members()
    {
        var set = ImportStatusSet.Of(ImportStatus.Queued, ImportStatus.Unsupported);

        Assert.That(ImportStatusSet.AllStatuses.Where(set.Contains), Is.EqualTo(new[] { ImportStatus.Queued, ImportStatus.Unsupported }));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1 << 10)]
    public void A_mask_that_is_empty_or_names_an_unknown_status_is_not_a_set(int mask)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ImportStatusSet.TryFromMask(mask, out _), Is.False);
            Assert.Throws<ArgumentOutOfRangeException>(() => ImportStatusSet.FromMask(mask));
        }
    }

    [Test]
    public void A_set_survives_its_mask()
    {
        var set = ImportStatusSet.Of(ImportStatus.New, ImportStatus.RollingBack);

        Assert.That(ImportStatusSet.TryFromMask(set.Mask, out var copy), Is.True);
        Assert.That(copy, Is.EqualTo(set));
    }
}
