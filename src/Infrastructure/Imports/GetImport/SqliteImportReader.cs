using System.Data;
using Dapper;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Imports.GetImport;

/// <summary>Another account's import reads as no row, like an id that does not exist.</summary>
internal sealed class SqliteImportReader(SqliteConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportReader
{
    // One SEARCH of the INTEGER PRIMARY KEY (id is the rowid), account_id checked on the one row it lands on.
    internal const string Sql = $"""
        SELECT {ImportColumns.SelectList}
        FROM imports
        WHERE account_id = @account_id AND id = @id;
        """;

    public Task<Import?> FindAsync(long accountId, long importId, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("account_id", accountId, DbType.Int64);
        parameters.Add("id", importId, DbType.Int64);

        return connections.RunAsync(
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<SqliteImportRow>(
                    new CommandDefinition(Sql, parameters, commandTimeout: options.Value.CommandTimeoutSeconds, cancellationToken: cancellationToken));
                return row?.ToRecord();
            },
            cancellationToken);
    }
}
