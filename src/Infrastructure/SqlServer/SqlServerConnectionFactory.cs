using System.Runtime.CompilerServices;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using Microsoft.Data.SqlClient;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>Which server a unit of work needs: the primary, or a readable secondary when one is configured.</summary>
internal enum ConnectionIntent
{
    Primary,
    ReadOnly,
}

/// <summary>
/// Pooled SqlClient connections with a short connect timeout and optional retries. "Cannot be reached" becomes
/// <see cref="DatabaseUnavailableException"/> naming the error number only, never the connection string; a statement past
/// its command timeout becomes <see cref="QueryTooExpensiveException"/>. ReadOnly uses <c>ConnectionStrings:ImportsRead</c> when set.
/// </summary>
internal sealed class SqlServerConnectionFactory
{
    /// <summary>SqlClient's "Execution Timeout Expired".</summary>
    public const int TimeoutNumber = -2;

    /// <summary>
    /// The server is away, starting, failing over or shedding load: a 503 "unavailable", and exactly what is retried
    /// (SqlClient's default list also has syntax and missing-object errors, which no retry can fix).
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

    internal enum RetryScope
    {
        Open,
        UnitOfWork,
    }

    public string ConnectionString { get; }

    public string ReadConnectionString { get; }

    /// <summary>For the 503 a statement timeout causes.</summary>
    public TimeSpan? StatementBudget { get; }

    /// <summary>
    /// Opening also retries a timeout (a login that did not finish); a unit of work does not: its timeout is the
    /// statement budget, and running an over-budget statement again would only spend the budget again.
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

            throw new DatabaseUnavailableException($"The SQL Server database could not be reached ({Describe(exception)}).", exception);
        }
    }

    /// <summary>With retries on, the whole unit (open and statements) is retried: it only reads, so running it again is safe.</summary>
    /// <param name="callerFilePath">Names the operation in the metrics (<see cref="DatabaseTelemetry"/>); SqlClient's instrumentation traces the commands.</param>
    public Task<T> RunAsync<T>(ConnectionIntent intent, Func<SqlConnection, Task<T>> work, CancellationToken cancellationToken, [CallerFilePath] string callerFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(work);
        return DatabaseTelemetry.MeasureAsync(DatabaseTelemetry.SqlServer, DatabaseTelemetry.Operation(callerFilePath), () => RunWithRetriesAsync(intent, work, cancellationToken));
    }

    private async Task<T> RunWithRetriesAsync<T>(ConnectionIntent intent, Func<SqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
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
            throw new QueryTooExpensiveException(StatementBudget ?? TimeSpan.Zero, exception);
        }
        catch (SqlException exception) when (IsUnavailable(exception))
        {
            throw new DatabaseUnavailableException($"The SQL Server database is unavailable ({Describe(exception)}).", exception);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.All(e => e is DatabaseUnavailableException || (e is SqlException s && IsUnavailable(s))))
        {
            throw new DatabaseUnavailableException($"The SQL Server database is unavailable after {exception.InnerExceptions.Count} attempts ({Describe(exception.InnerExceptions[^1])}).", exception);
        }
    }

    /// <summary>The server, not the statement, is the problem.</summary>
    public static bool IsUnavailable(SqlException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Class >= 20 || exception.Errors.Cast<SqlError>().Any(e => e.Number == TimeoutNumber || TransientNumbers.Contains(e.Number));
    }

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

    // Numbers and types only: SqlClient messages can name servers.
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
