using Dapper;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.SqlServer;

internal sealed class SqlServerDatabaseProbe(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options) : IDatabaseProbe
{
    internal const string Sql = "SELECT 1;";

    // The primary: ready means the database that takes writes and authenticates callers answers.
    public Task ProbeAsync(CancellationToken cancellationToken) =>
        connections.RunAsync(
            ConnectionIntent.Primary,
            connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(Sql, commandTimeout: options.Value.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken)),
            cancellationToken);
}
