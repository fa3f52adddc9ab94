using System.Diagnostics;
using System.Net;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// A request whose query runs past <c>Database:StatementTimeoutMs</c> is stopped by the database budget and
/// answered with a 503 problem that says the query was too expensive, suggests a narrower filter and carries
/// Retry-After: the worker is free again within about the budget, never hung. The page reader here runs a
/// deliberately slow statement through the real SQLite connection factory (and its budget).
/// </summary>
public sealed class QueryTooExpensiveTests
{
    private const int BudgetMs = 200;

    [Test]
    public async Task A_query_past_the_budget_is_a_503_problem_that_asks_for_a_narrower_filter()
    {
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string> { ["Database:StatementTimeoutMs"] = BudgetMs.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            configureServices: services =>
            {
                services.RemoveAll<IImportPageReader>();
                services.AddSingleton<IImportPageReader, SlowPageReader>();
            });
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        var clock = Stopwatch.StartNew();

        using var response = await client.GetAsync(ApiHost.ImportsPath);

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "the request waited far beyond the budget");
        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, ApiHost.ImportsPath);
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Query Too Expensive"));
        var detail = problem.GetProperty("detail").GetString();
        Assert.That(detail, Does.Contain("too expensive").And.Contain($"{BudgetMs} ms").And.Contain("Narrow it").And.Contain("filter["));
        Assert.That(detail, Does.Contain("Retry-After"));
    }

    [Test]
    public async Task The_service_answers_normally_right_after_an_over_budget_query()
    {
        await using var host = new ImportsApiFactory(
            ApiHost.DatabasePath,
            settings: new Dictionary<string, string> { ["Database:StatementTimeoutMs"] = BudgetMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);
        var connections = host.Services.GetRequiredService<SqliteConnectionFactory>();
        Assert.That(async () => await connections.RunAsync(c => c.ExecuteScalarAsync<long>(SlowPageReader.Sql), CancellationToken.None),
            Throws.TypeOf<Application.Common.Exceptions.QueryTooExpensiveException>());

        using var response = await client.GetAsync(ApiHost.ImportsPath + "?per_page=2");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>A page reader whose statement counts to a billion (minutes of work) on the service's own SQLite connections.</summary>
    private sealed class SlowPageReader(SqliteConnectionFactory connections) : IImportPageReader
    {
        public const string Sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT COUNT(*) FROM n;";

        public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken) =>
            connections.RunAsync(
                async connection =>
                {
                    await connection.ExecuteScalarAsync<long>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
                    return new KeysetPage([], 0);
                },
                cancellationToken);
    }
}
