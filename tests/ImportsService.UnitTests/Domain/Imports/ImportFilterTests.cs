using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Domain.Imports;

public sealed class ImportFilterTests
{
    private static readonly UtcTimestamp Bound = UtcTimestamp.FromUnixMicroseconds(1_000_000);

    [TestCase(BoundOperator.LessThan, -1, true)]
    [TestCase(BoundOperator.LessThan, 0, false)]
    [TestCase(BoundOperator.LessThanOrEqual, 0, true)]
    [TestCase(BoundOperator.LessThanOrEqual, 1, false)]
    [TestCase(BoundOperator.GreaterThan, 1, true)]
    [TestCase(BoundOperator.GreaterThan, 0, false)]
    [TestCase(BoundOperator.GreaterThanOrEqual, 0, true)]
    [TestCase(BoundOperator.GreaterThanOrEqual, -1, false)]
    public void A_bound_admits_by_its_operator_to_the_microsecond(BoundOperator op, long microsecondsFromBound, bool admitted)
    {
        var candidate = UtcTimestamp.FromUnixMicroseconds(Bound.UnixMicroseconds + microsecondsFromBound);

        Assert.That(new TimestampBound(op, Bound).Admits(candidate), Is.EqualTo(admitted));
    }

    [Test]
    public void A_range_admits_only_what_both_of_its_bounds_admit()
    {
        var range = new TimeRange(
            new TimestampBound(BoundOperator.GreaterThanOrEqual, Micros(10)),
            new TimestampBound(BoundOperator.LessThan, Micros(20)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(range.Admits(Micros(9)), Is.False);
            Assert.That(range.Admits(Micros(10)), Is.True);
            Assert.That(range.Admits(Micros(19)), Is.True);
            Assert.That(range.Admits(Micros(20)), Is.False);
        }
    }

    [Test]
    public void An_unbounded_range_admits_every_instant()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TimeRange.Unbounded.IsUnbounded, Is.True);
            Assert.That(TimeRange.Unbounded.Admits(UtcTimestamp.MinValue), Is.True);
            Assert.That(TimeRange.Unbounded.Admits(UtcTimestamp.MaxValue), Is.True);
        }
    }

    [TestCase(BoundOperator.LessThan)]
    [TestCase(BoundOperator.LessThanOrEqual)]
    public void A_lower_bound_must_be_gt_or_gte(BoundOperator op)
    {
        Assert.Throws<ArgumentException>(() => _ = new TimeRange(new TimestampBound(op, Bound), null));
    }

    [TestCase(BoundOperator.GreaterThan)]
    [TestCase(BoundOperator.GreaterThanOrEqual)]
    public void An_upper_bound_must_be_lt_or_lte(BoundOperator op)
    {
        Assert.Throws<ArgumentException>(() => _ = new TimeRange(null, new TimestampBound(op, Bound)));
    }

    [Test]
    public void No_filter_admits_every_record()
    {
        Assert.That(ImportFilter.None.Admits(Record(ImportStatus.Failed, created: 1, updated: 2)), Is.True);
    }

    [Test]
    public void A_status_filter_admits_only_its_members()
    {
        var filter = ImportFilter.None with { Statuses = ImportStatusSet.Of(ImportStatus.Failed, ImportStatus.Complete) };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filter.Admits(Record(ImportStatus.Failed, 1, 1)), Is.True);
            Assert.That(filter.Admits(Record(ImportStatus.Complete, 1, 1)), Is.True);
            Assert.That(filter.Admits(Record(ImportStatus.Processing, 1, 1)), Is.False);
        }
    }

    [Test]
    public void Filters_combine_with_and_each_on_its_own_column()
    {
        var filter = new ImportFilter(
            ImportStatusSet.Of(ImportStatus.Failed),
            new TimeRange(new TimestampBound(BoundOperator.GreaterThanOrEqual, Micros(10)), null),
            new TimeRange(null, new TimestampBound(BoundOperator.LessThan, Micros(100))));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filter.Admits(Record(ImportStatus.Failed, created: 10, updated: 99)), Is.True);
            Assert.That(filter.Admits(Record(ImportStatus.Complete, created: 10, updated: 99)), Is.False, "status");
            Assert.That(filter.Admits(Record(ImportStatus.Failed, created: 9, updated: 99)), Is.False, "created_at");
            Assert.That(filter.Admits(Record(ImportStatus.Failed, created: 10, updated: 100)), Is.False, "updated_at");
            Assert.That(filter.Admits(Record(ImportStatus.Failed, created: 99, updated: 10)), Is.True, "columns are not swapped");
        }
    }

    [Test]
    public void RangeOf_names_the_range_of_each_column()
    {
        var created = new TimeRange(new TimestampBound(BoundOperator.GreaterThan, Micros(1)), null);
        var updated = new TimeRange(null, new TimestampBound(BoundOperator.LessThan, Micros(2)));
        var filter = new ImportFilter(null, created, updated);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(filter.RangeOf(ImportTimestampField.CreatedAt), Is.SameAs(created));
            Assert.That(filter.RangeOf(ImportTimestampField.UpdatedAt), Is.SameAs(updated));
        }
    }

    private static UtcTimestamp Micros(long value) => UtcTimestamp.FromUnixMicroseconds(value);

    private static Import Record(ImportStatus status, long created, long updated) =>
        new(1, "vehicles", status, "vehicles.csv", 10, null, null, Micros(created), Micros(updated));
}
