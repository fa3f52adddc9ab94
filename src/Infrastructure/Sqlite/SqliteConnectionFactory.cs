using ImportsService.Application.Common.Exceptions;
using Microsoft.Data.Sqlite;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// Opens one pooled connection per unit of work and ties a cancellation token to it. SQLite statements
/// run synchronously and <see cref="SqliteCommand.Cancel"/> does nothing, so cancellation interrupts the
/// connection (<c>sqlite3_interrupt</c>): the running statement stops at its next step.
/// </summary>
internal sealed class SqliteConnectionFactory(string connectionString)
{
    private const int SqliteInterrupt = 9;

    // The schema declares foreign keys; SQLite enforces them only when each connection asks.
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true }.ToString();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
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

    /// <summary>Interrupts whatever <paramref name="connection"/> is running when <paramref name="cancellationToken"/> fires; dispose to detach.</summary>
    public static CancellationTokenRegistration InterruptOnCancel(SqliteConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.Register(
            static state =>
            {
                if (((SqliteConnection)state!).Handle is { } handle)
                {
                    SQLitePCL.raw.sqlite3_interrupt(handle);
                }
            },
            connection);

    /// <summary>Runs <paramref name="work"/> on an open connection, translating interrupts and unavailability.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await OpenAsync(cancellationToken);
        using var interrupt = InterruptOnCancel(connection, cancellationToken);
        try
        {
            return await work(connection);
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteInterrupt && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The statement was interrupted because the request was cancelled.", exception, cancellationToken);
        }
        catch (SqliteException exception) when (IsTransient(exception.SqliteErrorCode))
        {
            throw new DatabaseUnavailableException($"The SQLite database is busy or unavailable (SQLite error {exception.SqliteErrorCode}).", exception);
        }
    }

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_FULL
    private static bool IsTransient(int code) => code is 5 or 6 or 10 or 13 or 14;
}
