using System.Globalization;
using BenchmarkDotNet.Attributes;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Imports.ListImports;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Benchmarks;

/// <summary>
/// Issue 16: the first page of a time window through the whole application pipeline, for windows at several positions
/// in the demo account's history (2022-01 to 2026-01), beside the unfiltered first page and an EF Core + OFFSET peer
/// (docs/performance.md). IMPORTS_BENCH_ROWS sets the account's size; scripts/time-window-chart.py draws the results.
/// </summary>
[MemoryDiagnoser]
public class TimeWindowBenchmarks
{
    private const int PerPage = 50;

    private static readonly DateTime HistoryStart = new(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime HistoryEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private IMediator mediator = null!;
    private ImportCursorCodec cursors = null!;
    private ServiceProvider services = null!;
    private PeerContext peer = null!;
    private long account;
    private SentParameter[] sent = null!;
    private long windowStart;
    private long windowEnd;

    /// <summary>What is listed: a one-month window (or a bound at the position) with the sort and filters named.</summary>
    [Params(
        "unfiltered",
        "created month, id desc",
        "created lt, id desc",
        "created month, id asc",
        "created gt, id asc",
        "updated month, id desc",
        "updated month, id asc",
        "updated gte, id asc",
        "status failed + created month, id desc",
        "status failed + created month, id asc",
        "created month, created_at desc",
        "created month, updated_at desc",
        "updated month, created_at asc",
        "status failed + created month, updated_at desc",
        "peer: EF Core OFFSET, created month, id desc")]
    public string Case { get; set; } = null!;

    /// <summary>Where the window starts, as a fraction of the account's history.</summary>
    [Params(0.05, 0.25, 0.5, 0.75, 0.95)]
    public double Position { get; set; }

    [GlobalSetup]
    public async Task SetUp()
    {
        (services, account) = await BenchmarkDatabase.OpenAsync();
        mediator = services.GetRequiredService<IMediator>();
        cursors = services.GetRequiredService<ImportCursorCodec>();
        var start = HistoryStart.AddTicks((long)((HistoryEnd - HistoryStart).Ticks * Position));
        start = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(1);
        windowStart = Microseconds(start);
        windowEnd = Microseconds(end);
        var from = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var until = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        SentParameter[] created = [new("filter[created_at][gte]", from), new("filter[created_at][lt]", until)];
        sent = Case switch
        {
            "unfiltered" => [],
            "created month, id desc" => created,
            "created lt, id desc" => [new("filter[created_at][lt]", until)],
            "created month, id asc" => [.. created, new("sort[id]", "asc")],
            "created gt, id asc" => [new("filter[created_at][gt]", from), new("sort[id]", "asc")],
            "updated month, id desc" => [new("filter[updated_at][gte]", from), new("filter[updated_at][lt]", until)],
            "updated month, id asc" => [new("filter[updated_at][gte]", from), new("filter[updated_at][lt]", until), new("sort[id]", "asc")],
            "updated gte, id asc" => [new("filter[updated_at][gte]", from), new("sort[id]", "asc")],
            "status failed + created month, id desc" => [.. created, new("filter[status][include]", "failed")],
            "status failed + created month, id asc" => [.. created, new("filter[status][include]", "failed"), new("sort[id]", "asc")],
            "created month, created_at desc" => [.. created, new("sort[created_at]", "desc")],
            "created month, updated_at desc" => [.. created, new("sort[updated_at]", "desc")],
            "status failed + created month, updated_at desc" => [.. created, new("filter[status][include]", "failed"), new("sort[updated_at]", "desc")],
            "updated month, created_at asc" => [new("filter[updated_at][gte]", from), new("filter[updated_at][lt]", until), new("sort[created_at]", "asc")],
            _ => [],
        };
        sent = [new("per_page", PerPage.ToString(CultureInfo.InvariantCulture)), .. sent];
        peer = new PeerContext(new DbContextOptionsBuilder<PeerContext>().UseSqlite($"Data Source={BenchmarkDatabase.PathFor(BenchmarkDatabase.GeneratedRows)}").Options);
        await FirstPage();
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        peer.Dispose();
        services.Dispose();
    }

    [Benchmark]
    public async Task<int> FirstPage()
    {
        if (Case.StartsWith("peer", StringComparison.Ordinal))
        {
            return await PeerFirstPageAsync();
        }

        var result = await mediator.Send(ListImportsQuery.Read(account, sent, cursors));
        return result.Records.Count;
    }

    /// <summary>
    /// The peer: the page an EF Core listing with OFFSET pagination and a total count sends (Skip(0).Take(n) plus
    /// CountAsync over the same filter), on the same file and indexes, without the keyset engine.
    /// </summary>
    private async Task<int> PeerFirstPageAsync()
    {
        var window = peer.Imports.AsNoTracking().Where(i => i.AccountId == account && i.CreatedAt >= windowStart && i.CreatedAt < windowEnd);
        var total = await window.CountAsync();
        var page = await window.OrderByDescending(i => i.Id).Skip(0).Take(PerPage).ToListAsync();
        // Both results are returned, so neither query can be optimized away.
        return page.Count + total;
    }

    private static long Microseconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks / 10;
}
