using ImportsService.Application.Imports.Cursors;
using BenchmarkDotNet.Attributes;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Benchmarks;

/// <summary>
/// One page of the demo account (1,001,000 imports by default) through the whole application pipeline
/// (parameter parse and cursor verification, validation, the SQLite keyset reader), first page and a page deep in the walk.
/// </summary>
[MemoryDiagnoser]
public class ListImportsBenchmarks
{
    private ServiceProvider services = null!;
    private IMediator mediator = null!;
    private ImportCursorCodec cursors = null!;
    private long account;
    private string deepIdCursor = null!;
    private string deepCreatedCursor = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        (services, account) = await BenchmarkDatabase.OpenAsync();
        mediator = services.GetRequiredService<IMediator>();
        cursors = services.GetRequiredService<ImportCursorCodec>();
        deepIdCursor = await CursorAfterAsync([new("per_page", "100")], pages: 2_000);
        deepCreatedCursor = await CursorAfterAsync([new("per_page", "100"), new("sort[created_at]", "desc")], pages: 2_000);
    }

    [GlobalCleanup]
    public void CleanUp() => services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<ListImportsResult> First_page_default_sort() => Send();

    [Benchmark]
    public Task<ListImportsResult> Page_200000_rows_deep_by_id() => Send(new SentParameter("start_cursor", deepIdCursor));

    [Benchmark]
    public Task<ListImportsResult> Page_200000_rows_deep_by_created_at() => Send(new SentParameter("start_cursor", deepCreatedCursor));

    [Benchmark]
    public Task<ListImportsResult> First_page_filtered_by_two_statuses_and_a_created_range_sorted_by_updated_at() =>
        Send(
            new("per_page", "100"),
            new("filter[status][include]", "failed,complete"),
            new("filter[created_at][gte]", "2024-03-01"),
            new("filter[created_at][lt]", "2024-09-01"),
            new("sort[updated_at]", "desc"));

    /// <summary>What the API does with a request: parse the parameters as sent, then send the query.</summary>
    private Task<ListImportsResult> Send(params SentParameter[] sent) => mediator.Send(ListImportsQuery.Read(account, sent, cursors));

    private async Task<string> CursorAfterAsync(SentParameter[] first, int pages)
    {
        var page = await Send(first);
        for (var i = 1; i < pages && page.NextCursor is not null; i++)
        {
            page = await Send(new SentParameter("start_cursor", page.NextCursor));
        }

        return page.NextCursor ?? throw new InvalidOperationException("The walk ended before the deep page.");
    }
}
