using System.Data.Common;

namespace ImportsService.Infrastructure.Database;

/// <summary>
/// One connection per unit of work that spans several reads, such as an HTTP request that authenticates the
/// caller and then reads a page: while a scope is open (it flows with the async context), a dialect's
/// connection factory opens one connection at the first read, hands the same connection to every later read,
/// and closes it when the scope ends. Reads outside a scope open and close their own, as before.
/// </summary>
public sealed class DatabaseConnectionScope : IAsyncDisposable
{
    private static readonly AsyncLocal<DatabaseConnectionScope?> Ambient = new();

    private readonly DatabaseConnectionScope? outer;
    private readonly SemaphoreSlim gate = new(1, 1);
    private DbConnection? connection;
    private bool disposed;

    private DatabaseConnectionScope(DatabaseConnectionScope? outer) => this.outer = outer;

    /// <summary>The scope of the current async context, if one is open.</summary>
    internal static DatabaseConnectionScope? Current => Ambient.Value;

    /// <summary>Opens a scope for the current async context (and what it awaits) until it is disposed.</summary>
    public static DatabaseConnectionScope Begin()
    {
        var scope = new DatabaseConnectionScope(Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the scope's connection, opening it with <paramref name="open"/> the first
    /// time. One read at a time: a connection is not for concurrent use.
    /// </summary>
    internal async Task<T> UseAsync<TConnection, T>(Func<CancellationToken, Task<TConnection>> open, Func<TConnection, Task<T>> work, CancellationToken cancellationToken)
        where TConnection : DbConnection
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (connection is not TConnection typed)
            {
                typed = await open(cancellationToken);
                connection = typed;
            }

            return await work(typed);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Ends the scope: the caller's async context gets the outer scope back (set here, synchronously, so the
    /// change reaches the caller), and the connection closes once no read holds it.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (Ambient.Value == this)
        {
            Ambient.Value = outer;
        }

        if (disposed)
        {
            return ValueTask.CompletedTask;
        }

        disposed = true;
        return CloseAsync();
    }

    private async ValueTask CloseAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }
        }
        finally
        {
            gate.Release();
            gate.Dispose();
        }
    }
}
