using Dapper;
using ImportsService.Infrastructure.Database;

namespace ImportsService.Infrastructure.Sqlite;

internal sealed class SqliteDatabaseProbe(SqliteConnectionFactory connections) : IDatabaseProbe
{
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        connections.RunAsync(
            connection => connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM sqlite_master;", cancellationToken: cancellationToken)),
            cancellationToken);
}
