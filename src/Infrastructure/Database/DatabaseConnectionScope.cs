using System.Data.Common;

namespace ImportsService.Infrastructure.Database;

/// <summary>
/// One connection for a unit of work that spans several reads, such as a request that authenticates and then reads a
/// page: while a scope is open (it flows with the async context), a connection factory opens one connection at the
/// first read and hands it to every later one; it closes with the scope.
/// </summary>
public sealed class DatabaseConnectionScope : IAsyncDisposable
{
    private static readonly AsyncLocal<DatabaseConnectionScope?> Ambient = new();

    private readonly DatabaseConnectionScope? outer;
    private readonly SemaphoreSlim gate = new(1, 1);
    private DbConnection? connection;
    private bool disposed;

    private DatabaseConnectionScope(DatabaseConnectionScope? outer) => this.outer = outer;

    internal static DatabaseConnectionScope? Current => Ambient.Value;

    public static DatabaseConnectionScope Begin()
    {
        var scope = new DatabaseConnectionScope(Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>One read at a time: a connection is not for concurrent use.</summary>
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

    /// <summary>The outer scope is restored here, synchronously, so the change reaches the caller's async context.</summary>
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
