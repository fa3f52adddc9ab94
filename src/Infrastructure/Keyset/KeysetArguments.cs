using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.Infrastructure.Keyset;

/// <summary>How a dialect types each kind of value of a keyset request.</summary>
internal interface IKeysetArgumentSink
{
    void Id(string name, long value);

    /// <summary>The page size, the count's cap or the probe's cap.</summary>
    void RowCount(string name, int value);

    void Timestamp(string name, UtcTimestamp value);

    /// <summary>The status set, under the names of the dialect's own status predicates.</summary>
    void Statuses(ImportStatusSet statuses);
}

/// <summary>
/// The keyset statements' parameter names (bounds' are <see cref="KeysetBound"/>'s, status sets' each dialect's) and a
/// request's values under them: exactly what the statements of its shape name.
/// </summary>
internal static class KeysetArguments
{
    public const string AccountId = "account_id";
    public const string Take = "take";
    public const string CountCap = "count_cap";
    public const string ProbeCap = "probe_cap";
    public const string AfterId = "after_id";

    public const string AfterTimestamp = "after_ts";

    public static void Write(KeysetPageRequest request, IKeysetArgumentSink sink)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var filter = request.Listing.Filter;
        sink.Id(AccountId, request.AccountId);
        sink.RowCount(Take, request.Take);
        sink.RowCount(CountCap, request.CountCap);
        var shape = KeysetQueryShape.Of(request);
        if (shape.ProbedColumns().Count > 0)
        {
            sink.RowCount(ProbeCap, shape.ProbeLimit);
        }

        if (filter.Statuses is { } statuses)
        {
            sink.Statuses(statuses);
        }

        foreach (var (parameter, value) in KeysetBound.Values(filter))
        {
            sink.Timestamp(parameter, value);
        }

        if (request.After is { } after)
        {
            sink.Id(AfterId, after.Id);
            if (request.Listing.Sort.Key != ImportSortKey.Id)
            {
                var timestamp = after.Timestamp ?? throw new ArgumentException("A timestamp sort needs a timestamp position.", nameof(request));
                sink.Timestamp(AfterTimestamp, timestamp);
            }
        }
    }
}
