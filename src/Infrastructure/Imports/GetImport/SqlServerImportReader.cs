using Dapper;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Imports.GetImport;

/// <summary>On the read connection, like the page reader. Another account's import reads as no row, like an id that does not exist.</summary>
internal sealed class SqlServerImportReader(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportReader
{
    // One seek on the clustered primary key (account_id, id), which carries every column.
    internal const string Sql = $"""
        SELECT {ImportColumns.SelectList}
        FROM dbo.imports
        WHERE account_id = @account_id AND id = @id;
        """;

    public Task<Import?> FindAsync(long accountId, long importId, CancellationToken cancellationToken)
    {
        var parameters = TypedParameter.ToDapper(Parameters(accountId, importId));
        return connections.RunAsync(
            ConnectionIntent.ReadOnly,
            async connection =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<SqlServerImportRow>(
                    new CommandDefinition(Sql, parameters, commandTimeout: options.Value.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken));
                return row?.ToRecord();
            },
            cancellationToken);
    }

    internal static IReadOnlyList<TypedParameter> Parameters(long accountId, long importId) =>
    [
        TypedParameter.Int64("account_id", accountId),
        TypedParameter.Int64("id", importId),
    ];
}
