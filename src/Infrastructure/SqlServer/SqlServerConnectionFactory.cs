using ImportsService.Application.Common.Exceptions;
using Microsoft.Data.SqlClient;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>Which server a unit of work needs: the primary, or a readable secondary when one is configured.</summary>
internal enum ConnectionIntent
{
    Primary,
    ReadOnly,
}

/// <summary>
/// Opens pooled SqlClient connections with a short connect timeout and, when configured, SqlClient's retry
/// logic; turns "the server cannot be reached" into <see cref="DatabaseUnavailableException"/> (a 503) with a
/// message that names the error number only, never the connection string, and a statement that ran out of
/// its command timeout into <see cref="QueryTooExpensiveException"/>. The ReadOnly intent uses
/// <c>ConnectionStrings:ImportsRead</c> when it is set (with <c>ApplicationIntent=ReadOnly</c>), else the primary.
/// </summary>
internal sealed class SqlServerConnectionFactory
{
    /// <summary>SqlClient's number for "Execution Timeout Expired": the command timeout ran out.</summary>
    public const int TimeoutNumber = -2;

    /// <summary>
    /// Connection-level and throttling errors: the server is away, starting, failing over or shedding load.
    /// These are what the service answers 503 "unavailable" for, and exactly what the retry logic retries
    /// (SqlClient's own default list also has syntax and missing-object errors, which no retry can fix).
    /// </summary>
    public static IReadOnlySet<int> TransientNumbers { get; } = new HashSet<int>
    {
        2, 20, 53, 64, 121, 233, 258, 1204, 4060, 4221, 10053, 10054, 10060, 10061, 11001,
        40143, 40197, 40501, 40613, 42108, 42109, 49918, 49919, 49920,
    };

    private readonly SqlRetryLogicBaseProvider? openRetry;
    private readonly SqlRetryLogicBaseProvider? workRetry;

    public SqlServerConnectionFactory(string connectionString, string? readConnectionString, SqlServerOptions options, int statementTimeoutSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectionString = WithConnectTimeout(connectionString, options.ConnectTimeoutSeconds, readOnly: false);
        ReadConnectionString = string.IsNullOrWhiteSpace(readConnectionString)
            ? ConnectionString
            : WithConnectTimeout(readConnectionString, options.ConnectTimeoutSeconds, readOnly: true);
        StatementBudget = statementTimeoutSeconds > 0 ? TimeSpan.FromSeconds(statementTimeoutSeconds) : null;
        if (options.EnableRetry)
        {
            openRetry = SqlConfigurableRetryFactory.CreateExponentialRetryProvider(RetryOptions(options, RetryScope.Open));
            workRetry = SqlConfigurableRetryFactory.CreateExponentialRetryProvider(RetryOptions(options, RetryScope.UnitOfWork));
        }
    }

    /// <summary>What a retry provider retries: opening a connection, or a whole read unit of work.</summary>
    internal enum RetryScope
    {
        Open,
        UnitOfWork,
    }

    public string ConnectionString { get; }

    public string ReadConnectionString { get; }

    /// <summary>The command timeout of a request's statements (<c>Database:StatementTimeoutMs</c> in whole seconds), for the 503 it causes.</summary>
    public TimeSpan? StatementBudget { get; }

    /// <summary>
    /// The retry options, with the transient numbers spelled out. Opening also retries a timeout (a login that
    /// did not finish in time); a unit of work does not: its timeout is the statement budget, and running an
    /// over-budget statement again would only spend the budget again.
    /// </summary>
    internal static SqlRetryLogicOption RetryOptions(SqlServerOptions options, RetryScope scope)
    {
        ArgumentNullException.ThrowIfNull(options);
        var numbers = new HashSet<int>(TransientNumbers);
        if (scope == RetryScope.Open)
        {
            numbers.Add(TimeoutNumber);
        }

        return new SqlRetryLogicOption
        {
            NumberOfTries = options.RetryCount + 1,
            DeltaTime = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            MaxTimeInterval = TimeSpan.FromMilliseconds(options.MaxRetryDelayMilliseconds),
            TransientErrors = numbers,
        };
    }

    public async Task<SqlConnection> OpenAsync(ConnectionIntent intent, CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(intent == ConnectionIntent.ReadOnly ? ReadConnectionString : ConnectionString);
        if (openRetry is not null)
        {
            connection.RetryLogicProvider = openRetry;
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception exception) when (exception is SqlException or InvalidOperationException or AggregateException or TimeoutException)
        {
            await connection.DisposeAsync();
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("Opening the connection was cancelled.", exception, cancellationToken);
            }

            // Every failure to open is "unavailable": unreachable, refusing, failing over, pool exhausted, login refused.
            throw new DatabaseUnavailableException($"The SQL Server database could not be reached ({Describe(exception)}).", exception);
        }
    }

    /// <summary>
    /// Runs read-only <paramref name="work"/> on an open connection. With retries on, the whole unit (open and
    /// statements) is retried on transient errors: it only reads, so running it again is safe.
    /// </summary>
    public async Task<T> RunAsync<T>(ConnectionIntent intent, Func<SqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return workRetry is null
                ? await RunOnceAsync(intent, work, cancellationToken)
                : await workRetry.ExecuteAsync(this, () => RunOnceAsync(intent, work, cancellationToken), cancellationToken);
        }
        catch (Exception exception) when (exception is SqlException or AggregateException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The statement was cancelled because the request was.", exception, cancellationToken);
        }
        catch (SqlException exception) when (IsStatementTimeout(exception))
        {
            // The connection was open (a failed open is already "unavailable"): the statement itself ran out of time.
            throw new QueryTooExpensiveException(StatementBudget ?? TimeSpan.Zero, exception);
        }
        catch (SqlException exception) when (IsUnavailable(exception))
        {
            throw new DatabaseUnavailableException($"The SQL Server database is unavailable ({Describe(exception)}).", exception);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is DatabaseUnavailableException || (e is SqlException s && IsUnavailable(s))))
        {
            // The retry logic gave up: it reports every attempt's failure together.
            throw new DatabaseUnavailableException($"The SQL Server database is unavailable after {exception.InnerExceptions.Count} attempts ({Describe(exception.InnerExceptions[^1])}).", exception);
        }
    }

    /// <summary>Errors that mean the server, not the statement, is the problem (connection lost, timeout, throttling).</summary>
    public static bool IsUnavailable(SqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Class >= 20 || exception.Errors.Cast<SqlError>().Any(e => e.Number == TimeoutNumber || TransientNumbers.Contains(e.Number));
    }

    /// <summary>The command timeout ran out while a statement ran (on an open connection: the statement was too expensive, or the server stalled).</summary>
    public static bool IsStatementTimeout(SqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Class < 20 && exception.Errors.Cast<SqlError>().Any(e => e.Number == TimeoutNumber);
    }

    private async Task<T> RunOnceAsync<T>(ConnectionIntent intent, Func<SqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(intent, cancellationToken);
        return await work(connection);
    }

    // Error numbers and exception types only: SqlClient messages can name servers; ours never carry a connection string.
    private static string Describe(Exception exception) => exception switch
    {
        SqlException sql => $"SQL error {sql.Number}",
        DatabaseUnavailableException => "could not connect",
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[^1]),
        _ => exception.GetType().Name,
    };

    private static string WithConnectTimeout(string connectionString, int connectTimeoutSeconds, bool readOnly)
    {
        var builder = new SqlConnectionStringBuilder(connectionString) { ConnectTimeout = connectTimeoutSeconds };
        if (readOnly)
        {
            builder.ApplicationIntent = ApplicationIntent.ReadOnly;
        }

        return builder.ConnectionString;
    }
}
