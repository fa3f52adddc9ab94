using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests;

/// <summary>A SQLite file path of its own for a test host, deleted (with its WAL files) when disposed.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase(string purpose) =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"imports-{purpose}-{Guid.NewGuid():N}.db");

    public string Path { get; }

    /// <summary>Runs one statement on the file, as an operator would with the sqlite3 shell.</summary>
    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
