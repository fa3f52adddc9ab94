using System.Data;
using Dapper;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Imports.GetImport;

/// <summary>
/// Reads one import of one account by id. The account is part of the predicate, so another account's
/// import reads as no row, exactly like an id that does not exist.
/// </summary>
internal sealed class SqliteImportReader(SqliteConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportReader
{
    // SQLite answers with one SEARCH of the INTEGER PRIMARY KEY (id is the rowid) and checks account_id on the
    // one row it lands on; ix_imports_account_id (account_id, id, …) would be an equal seek. Never a SCAN: the
    // plan test asks SQLite.
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
