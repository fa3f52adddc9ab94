using Dapper;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>Ready means the primary answers: it takes writes and authenticates callers.</summary>
internal sealed class SqlServerDatabaseProbe(
    SqlServerConnectionFactory connections,
    ReadCommittedSnapshotCheck snapshot,
    IOptions<DatabaseOptions> options) : IDatabaseProbe
{
    // The connected database's own row of sys.databases is visible to every login that can connect.
    internal const string Sql = ReadCommittedSnapshotCheck.Sql;

    public async Task<DatabaseProbeResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var on = await connections.RunAsync(
            ConnectionIntent.Primary,
            connection => connection.ExecuteScalarAsync<int?>(new CommandDefinition(Sql, commandTimeout: options.Value.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken)),
            cancellationToken);
        return snapshot.Report(on == 1);
    }
}
