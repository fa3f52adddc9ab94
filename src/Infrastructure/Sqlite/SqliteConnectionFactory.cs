using System.Runtime.CompilerServices;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using Microsoft.Data.Sqlite;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// One pooled connection per unit of work (per <see cref="DatabaseConnectionScope"/> when one is open), with a
/// cancellation token and a time budget on each read. SQLite statements run synchronously and
/// <see cref="SqliteCommand.Cancel"/> does nothing, so both interrupt the connection (<c>sqlite3_interrupt</c>).
/// </summary>
/// <param name="statementBudget">How long a unit of work may take once its connection is open; null for no budget.</param>
internal sealed class SqliteConnectionFactory(string connectionString, TimeSpan? statementBudget = null)
{
    private const int SqliteInterrupt = 9;

    // The schema declares foreign keys; SQLite enforces them only when each connection asks.
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString();

    public TimeSpan? StatementBudget { get; } = statementBudget;

    private long opened;

    /// <summary>How many connections this factory has opened (tests use it to prove reads share one).</summary>
    internal long OpenedConnections => Interlocked.Read(ref opened);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref opened);
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (SqliteException exception)
        {
            await connection.DisposeAsync();
            throw new DatabaseUnavailableException($"The SQLite database could not be opened (SQLite error {exception.SqliteErrorCode}).", exception);
        }
    }

    /// <summary>Dispose to detach.</summary>
    public static CancellationTokenRegistration InterruptOnCancel(SqliteConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.Register(
            static state =>
            {
                // A connection that runs nothing ignores the interrupt, so a timer that fires late does no harm.
                if (((SqliteConnection)state!).Handle is { } handle)
                {
                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }
            },
            connection);

    /// <param name="callerFilePath">Names the operation in the metrics and the span (<see cref="DatabaseTelemetry"/>).</param>
    public Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken, [CallerFilePath] string callerFilePath = "")
    {
        ArgumentNullException.ThrowIfNull(work);
        var operation = DatabaseTelemetry.Operation(callerFilePath);
        return DatabaseConnectionScope.Current is { } scope
            ? scope.UseAsync(OpenAsync, connection => DatabaseTelemetry.MeasureAsync(DatabaseTelemetry.Sqlite, operation, () => RunOnAsync(connection, work, cancellationToken)), cancellationToken)
            : RunOnOwnConnectionAsync(work, operation, cancellationToken);
    }

    private async Task<T> RunOnOwnConnectionAsync<T>(Func<SqliteConnection, Task<T>> work, string operation, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await DatabaseTelemetry.MeasureAsync(DatabaseTelemetry.Sqlite, operation, () => RunOnAsync(connection, work, cancellationToken));
    }

    private async Task<T> RunOnAsync<T>(SqliteConnection connection, Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        // The budget times the statements, not the pool. The registrations are disposed before the connection goes
        // back to the pool, and disposing one waits for a running callback, so no interrupt reaches the next user.
        using var budget = StatementBudget is { } limit ? new CancellationTokenSource(limit) : null;
        using var interrupt = InterruptOnCancel(connection, cancellationToken);
        using var overBudget = budget is null ? default : InterruptOnCancel(connection, budget.Token);
        try
        {
            return await work(connection);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteInterrupt && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The statement was interrupted because the request was cancelled.", exception, cancellationToken);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteInterrupt && budget is { IsCancellationRequested: true })
        {
            throw new QueryTooExpensiveException(StatementBudget!.Value, exception);
        }
        catch (SqliteException exception) when (IsTransient(exception.SqliteErrorCode))
        {
            throw new DatabaseUnavailableException($"The SQLite database is busy or unavailable (SQLite error {exception.SqliteErrorCode}).", exception);
        }
    }

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL
    private static bool IsTransient(int code) => code is 5 or 6 or 10 or 13 or 14;
}
