using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.SqlServer;

namespace ImportsService.IntegrationTests.Database.SqlServer;

/// <summary>
/// Without a server: how <c>Database:StatementTimeoutMs</c> becomes SQL Server's command timeout, and which
/// error numbers the retry logic retries (spelled out, not SqlClient's default list).
/// </summary>
internal sealed class SqlServerTimeoutAndRetryTests
{
    [TestCase(2_000, 15, 2)]
    [TestCase(1, 15, 1)]
    [TestCase(1_001, 15, 2)]
    [TestCase(2_500, 15, 3)]
    [TestCase(60_000, 15, 15)]
    [TestCase(0, 15, 15)]
    public void The_statement_budget_is_the_command_timeout_in_whole_seconds_rounded_up_and_capped(int budgetMs, int commandTimeoutSeconds, int expected)
    {
        var options = new DatabaseOptions { StatementTimeoutMs = budgetMs, CommandTimeoutSeconds = commandTimeoutSeconds };

        Assert.That(options.StatementCommandTimeoutSeconds, Is.EqualTo(expected));
    }

    [Test]
    public void The_default_budget_is_two_seconds()
    {
        var options = new DatabaseOptions();

        Assert.That(options.StatementTimeoutMs, Is.EqualTo(2_000));
        Assert.That(options.StatementBudget, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(options.StatementCommandTimeoutSeconds, Is.EqualTo(2));
    }

    [Test]
    public void The_factory_knows_the_budget_it_reports_in_a_503()
    {
        var factory = new SqlServerConnectionFactory("Server=tcp:127.0.0.1,1;Database=imports", null, new SqlServerOptions(), statementTimeoutSeconds: 3);

        Assert.That(factory.StatementBudget, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void A_unit_of_work_retries_exactly_the_numbers_the_service_calls_unavailable_and_never_a_statement_timeout()
    {
        var options = SqlServerConnectionFactory.RetryOptions(new SqlServerOptions { RetryCount = 2 }, SqlServerConnectionFactory.RetryScope.UnitOfWork);

        Assert.That(options.TransientErrors, Is.EquivalentTo(SqlServerConnectionFactory.TransientNumbers));
        Assert.That(options.TransientErrors, Does.Not.Contain(SqlServerConnectionFactory.TimeoutNumber), "an over-budget statement run again only spends the budget again");
        Assert.That(options.NumberOfTries, Is.EqualTo(3));
    }

    [Test]
    public void Opening_also_retries_a_login_timeout()
    {
        var options = SqlServerConnectionFactory.RetryOptions(new SqlServerOptions(), SqlServerConnectionFactory.RetryScope.Open);

        Assert.That(options.TransientErrors, Is.EquivalentTo(SqlServerConnectionFactory.TransientNumbers.Append(SqlServerConnectionFactory.TimeoutNumber)));
    }

    [Test]
    public void The_transient_numbers_are_connection_and_throttling_errors_and_none_of_the_statement_errors_sqlclient_retries_by_default()
    {
        // 102 (syntax), 207 (invalid column), 2812 (no such procedure): in SqlClient's default list, never fixed by waiting.
        Assert.That(SqlServerConnectionFactory.TransientNumbers, Does.Not.Contain(102).And.Not.Contain(207).And.Not.Contain(2812));
        Assert.That(SqlServerConnectionFactory.TransientNumbers, Is.SupersetOf(new[] { 4060, 40501, 40613, 49918, 49919, 49920, 10054, 233 }));
    }
}
