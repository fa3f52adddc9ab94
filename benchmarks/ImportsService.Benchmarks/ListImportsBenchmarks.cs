using BenchmarkDotNet.Attributes;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Benchmarks;

/// <summary>
/// One page of the demo account (1,001,000 imports by default) through the whole application pipeline
/// (validation, cursor verification, the SQLite keyset reader), first page and a page deep in the walk.
/// </summary>
[MemoryDiagnoser]
public class ListImportsBenchmarks
{
    private ServiceProvider services = null!;
    private IMediator mediator = null!;
    private long account;
    private string deepIdCursor = null!;
    private string deepCreatedCursor = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        (services, account) = await BenchmarkDatabase.OpenAsync();
        mediator = services.GetRequiredService<IMediator>();
        deepIdCursor = await CursorAfterAsync(new ListImportsQuery(account) { PerPage = "100" }, pages: 2_000);
        deepCreatedCursor = await CursorAfterAsync(
            new ListImportsQuery(account) { PerPage = "100", Sorts = [new SortParameter("sort[created_at]", ImportSortKey.CreatedAt, "desc")] },
            pages: 2_000);
    }

    [GlobalCleanup]
    public void CleanUp() => services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<ListImportsResult> First_page_default_sort() => mediator.Send(new ListImportsQuery(account));

    [Benchmark]
    public Task<ListImportsResult> Page_200000_rows_deep_by_id() => mediator.Send(new ListImportsQuery(account) { StartCursor = deepIdCursor });

    [Benchmark]
    public Task<ListImportsResult> Page_200000_rows_deep_by_created_at() => mediator.Send(new ListImportsQuery(account) { StartCursor = deepCreatedCursor });

    [Benchmark]
    public Task<ListImportsResult> First_page_filtered_by_two_statuses_and_a_created_range_sorted_by_updated_at() =>
        mediator.Send(new ListImportsQuery(account)
        {
            PerPage = "100",
            StatusInclude = "failed,complete",
            TimestampFilters =
            [
                new TimestampFilterParameter("filter[created_at][gte]", ImportTimestampField.CreatedAt, BoundOperator.GreaterThanOrEqual, "2024-03-01"),
                new TimestampFilterParameter("filter[created_at][lt]", ImportTimestampField.CreatedAt, BoundOperator.LessThan, "2024-09-01"),
            ],
            Sorts = [new SortParameter("sort[updated_at]", ImportSortKey.UpdatedAt, "desc")],
        });

    private async Task<string> CursorAfterAsync(ListImportsQuery first, int pages)
    {
        var page = await mediator.Send(first);
        for (var i = 1; i < pages && page.NextCursor is not null; i++)
        {
            page = await mediator.Send(new ListImportsQuery(account) { StartCursor = page.NextCursor });
        }

        return page.NextCursor ?? throw new InvalidOperationException("The walk ended before the deep page.");
    }
}
