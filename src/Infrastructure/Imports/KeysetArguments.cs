using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// What a dialect does with each value of a keyset request: which database type each kind of value gets.
/// Which values a request supplies, and under which names, is decided once by <see cref="KeysetArguments"/>.
/// </summary>
internal interface IKeysetArgumentSink
{
    /// <summary>An id: the account's, or the position's.</summary>
    void Id(string name, long value);

    /// <summary>A number of rows: the page size, the count's cap or the probe's cap.</summary>
    void RowCount(string name, int value);

    /// <summary>A timestamp bound, or the position's sort timestamp.</summary>
    void Timestamp(string name, UtcTimestamp value);

    /// <summary>The status set, under the parameter names of the dialect's status predicate.</summary>
    void Statuses(ImportStatusSet statuses);
}

/// <summary>The values of a keyset request: exactly the parameters the SQL of its shape names (<see cref="KeysetSql"/>).</summary>
internal static class KeysetArguments
{
    public static void Write(KeysetPageRequest request, IKeysetArgumentSink sink)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var filter = request.Listing.Filter;
        var plan = KeysetPlan.Of(KeysetQueryShape.Of(request));
        sink.Id(ImportParameters.AccountId, request.AccountId);
        sink.RowCount(ImportParameters.Take, request.Take);
        sink.RowCount(ImportParameters.CountCap, request.CountCap);
        if (plan.ProbeColumns.Count > 0)
        {
            sink.RowCount(ImportParameters.ProbeCap, KeysetPlan.ProbeCap);
        }

        if (filter.Statuses is { } statuses)
        {
            sink.Statuses(statuses);
        }

        foreach (var slot in KeysetBounds.All)
        {
            if (slot.Bound(filter) is { } bound)
            {
                sink.Timestamp(slot.Parameter, bound.Value);
            }
        }

        if (request.After is { } after)
        {
            sink.Id(ImportParameters.AfterId, after.Id);
            if (request.Listing.Sort.Key != ImportSortKey.Id)
            {
                var timestamp = after.Timestamp ?? throw new ArgumentException("A timestamp sort needs a timestamp position.", nameof(request));
                sink.Timestamp(ImportParameters.AfterTimestamp, timestamp);
            }
        }
    }
}
