using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Domain.Imports;

public sealed class ImportListingTests
{
    private static readonly Import Record = new(
        42, "vehicles", ImportStatus.Complete, "vehicles.csv", 20_480, null, null,
        UtcTimestamp.FromUnixMicroseconds(1_000), UtcTimestamp.FromUnixMicroseconds(2_000));

    [TestCase(SortDirection.Ascending)]
    [TestCase(SortDirection.Descending)]
    public void The_position_after_a_record_in_an_id_listing_is_its_id_alone(SortDirection direction)
    {
        var listing = ImportListing.Default with { Sort = new ImportSort(ImportSortKey.Id, direction) };

        Assert.That(listing.PositionAfter(Record), Is.EqualTo(new KeysetPosition(null, 42)));
    }

    [Test]
    public void The_position_after_a_record_in_a_created_at_listing_is_its_created_at_and_id()
    {
        var listing = ImportListing.Default with { Sort = new ImportSort(ImportSortKey.CreatedAt, SortDirection.Descending) };

        Assert.That(listing.PositionAfter(Record), Is.EqualTo(new KeysetPosition(Record.CreatedAt, 42)));
    }

    [Test]
    public void The_position_after_a_record_in_an_updated_at_listing_is_its_updated_at_and_id()
    {
        var listing = ImportListing.Default with { Sort = new ImportSort(ImportSortKey.UpdatedAt, SortDirection.Ascending) };

        Assert.That(listing.PositionAfter(Record), Is.EqualTo(new KeysetPosition(Record.UpdatedAt, 42)));
    }

    [Test]
    public void The_default_listing_is_every_import_by_id_descending()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ImportListing.Default.Filter, Is.EqualTo(new ImportFilter(null, TimeRange.Unbounded, TimeRange.Unbounded)));
            Assert.That(ImportListing.Default.Sort, Is.EqualTo(new ImportSort(ImportSortKey.Id, SortDirection.Descending)));
        }
    }

    [Test]
    public void Listings_with_the_same_filters_and_sort_are_equal()
    {
        static ImportListing Make() => new(
            new ImportFilter(
                ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.New),
                new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.FromUnixMicroseconds(5)), null),
                TimeRange.Unbounded),
            new ImportSort(ImportSortKey.CreatedAt, SortDirection.Ascending));

        var first = Make();
        var second = Make();

        Assert.That(first, Is.Not.SameAs(second));
        Assert.That(first, Is.EqualTo(second));
    }
}
