using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;

namespace ImportsService.UnitTests.Application.Imports.ListImports;

/// <summary>
/// Keyset paging over an in-memory list, by the port's contract: the listing's rows in its order strictly
/// after the position, and the count of those rows capped. Also reads one import by id, by the same rows.
/// Records every request and token it was given.
/// </summary>
internal sealed class InMemoryImportPageReader : IImportPageReader, IImportReader
{
    private readonly Dictionary<long, List<Import>> recordsByAccount = [];

    public List<KeysetPageRequest> Requests { get; } = [];

    public List<CancellationToken> Tokens { get; } = [];

    /// <summary>Simulates a reader that reports more than the cap it was given.</summary>
    public int? ReportRemainingCount { get; set; }

    public void Add(long accountId, IEnumerable<Import> records)
    {
        if (!recordsByAccount.TryGetValue(accountId, out var list))
        {
            recordsByAccount[accountId] = list = [];
        }

        list.AddRange(records);
    }

    public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests.Add(request);
        Tokens.Add(cancellationToken);
        var remaining = ListingOracle.Apply(recordsByAccount.GetValueOrDefault(request.AccountId) ?? [], request.Listing)
            .Where(r => request.After is not { } after || IsAfter(r, after, request.Listing.Sort))
            .ToList();
        return Task.FromResult(new KeysetPage(
            remaining.Take(request.Take).ToArray(),
            ReportRemainingCount ?? Math.Min(remaining.Count, request.CountCap)));
    }

    public List<(long AccountId, long ImportId)> Lookups { get; } = [];

    public Task<Import?> FindAsync(long accountId, long importId, CancellationToken cancellationToken)
    {
        Lookups.Add((accountId, importId));
        Tokens.Add(cancellationToken);
        return Task.FromResult(recordsByAccount.GetValueOrDefault(accountId)?.Find(r => r.Id == importId));
    }

    private static long KeyOf(Import record, ImportSortKey key) => key switch
    {
        ImportSortKey.CreatedAt => record.CreatedAt.UnixMicroseconds,
        ImportSortKey.UpdatedAt => record.UpdatedAt.UnixMicroseconds,
        _ => 0,
    };

    private static bool IsAfter(Import record, KeysetPosition after, ImportSort sort)
    {
        var key = KeyOf(record, sort.Key).CompareTo(after.Timestamp?.UnixMicroseconds ?? 0);
        var order = key != 0 ? key : record.Id.CompareTo(after.Id);
        return sort.Direction == SortDirection.Ascending ? order > 0 : order < 0;
    }
}
