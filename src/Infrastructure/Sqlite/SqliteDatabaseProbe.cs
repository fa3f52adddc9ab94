using Dapper;
using ImportsService.Infrastructure.Database;

namespace ImportsService.Infrastructure.Sqlite;

internal sealed class SqliteDatabaseProbe(SqliteConnectionFactory connections) : IDatabaseProbe
{
    public async Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        await connections.RunAsync(
            connection => connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM sqlite_master;", cancellationToken: cancellationToken)),
            cancellationToken);
        return DatabaseProbeResult.Answered;
    }
}
