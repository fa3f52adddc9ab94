using Dapper;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Imports.GetImport;

/// <summary>
/// Reads one import of one account by id, on the read connection like the page reader (a readable secondary
/// when <c>ConnectionStrings:ImportsRead</c> is set). The account is part of the predicate, so another
/// account's import reads as no row, exactly like an id that does not exist.
/// </summary>
internal sealed class SqlServerImportReader(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportReader
{
    // One seek on the clustered primary key pk_imports (account_id, id): both keys bound by
    // bigint parameters, so no conversion of a column, and the clustered row carries every column.
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

    /// <summary>Both keys as bigint, the type of the columns they meet.</summary>
    internal static IReadOnlyList<TypedParameter> Parameters(long accountId, long importId) =>
    [
        TypedParameter.Int64("account_id", accountId),
        TypedParameter.Int64("id", importId),
    ];
}
