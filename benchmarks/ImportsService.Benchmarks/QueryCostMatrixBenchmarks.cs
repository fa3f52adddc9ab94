using BenchmarkDotNet.Attributes;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Benchmarks;

/// <summary>
/// The query-cost matrix of issue 8 (docs/performance.md): every sort key × direction × {no filter, one status, three
/// statuses, a range on the sort key, a range on the other timestamp} × selectivity {0, 0.1 %, 10 %, 100 %}, the first
/// page and a page in the middle of the matches, per_page 50, through the whole application pipeline on a SQLite file
/// of the demo tenants plus 1,000,000 generated imports with a skewed status mix (<see cref="QueryCostMatrix.Prepare"/>).
/// Every request is a start_cursor, so first and deep pages go the same way.
/// </summary>
[MemoryDiagnoser]
public class QueryCostMatrixBenchmarks
{
    private const int PerPage = 50;

    private static readonly SemaphoreSlim Opening = new(1, 1);
    private static (ServiceProvider Services, long AccountId)? database;

    private IMediator mediator = null!;
    private ImportCursorCodec cursors = null!;
    private long account;
    private string cursor = null!;

    /// <summary>
    /// Every case, or those whose name contains one of the comma-separated parts of IMPORTS_MATRIX_CASES
    /// (e.g. <c>no filter,other-key range 0.</c>) to re-measure a few rows of the matrix.
    /// </summary>
    public static IEnumerable<MatrixCase> Cases()
    {
        var parts = Environment.GetEnvironmentVariable("IMPORTS_MATRIX_CASES")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return MatrixCase.All().Where(c => parts.Length == 0 || parts.Any(part => c.ToString().Contains(part, StringComparison.Ordinal)));
    }

    [ParamsSource(nameof(Cases))]
    public MatrixCase Case { get; set; } = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        // One database for every case run in this process (in-process toolchains run them all in one).
        await Opening.WaitAsync();
        try
        {
            database ??= await BenchmarkDatabase.OpenAsync("-matrix", async (connectionString, accountId) =>
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await QueryCostMatrix.Prepare(connection, accountId);
            });
        }
        finally
        {
            Opening.Release();
        }

        var services = database.Value.Services;
        account = database.Value.AccountId;
        mediator = services.GetRequiredService<IMediator>();
        cursors = services.GetRequiredService<ImportCursorCodec>();

        var listing = Case.Listing();
        KeysetPosition? after = null;
        if (Case.Deep)
        {
            await using var connection = new SqliteConnection($"Data Source={BenchmarkDatabase.PathFor(BenchmarkDatabase.GeneratedRows, "-matrix")}");
            await connection.OpenAsync();
            after = await QueryCostMatrix.MiddleAsync(connection, account, listing) ?? throw new InvalidOperationException($"{Case}: nothing matches, so there is no deep page.");
        }

        cursor = services.GetRequiredService<ImportCursorCodec>().Encode(new ImportCursor(account, listing, PerPage, after));
    }

    [Benchmark]
    public Task<ListImportsResult> Page() => mediator.Send(ListImportsQuery.Read(account, [new SentParameter("start_cursor", cursor)], cursors));
}
