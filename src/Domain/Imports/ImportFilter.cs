namespace ImportsService.Domain.Imports;

/// <summary>The filters of a listing; they combine with AND. A null status set means every status.</summary>
public sealed record ImportFilter(ImportStatusSet? Statuses, TimeRange CreatedAt, TimeRange UpdatedAt)
{
    public static ImportFilter None { get; } = new(null, TimeRange.Unbounded, TimeRange.Unbounded);

    public TimeRange RangeOf(ImportTimestampField field) => field == ImportTimestampField.CreatedAt ? CreatedAt : UpdatedAt;
}
