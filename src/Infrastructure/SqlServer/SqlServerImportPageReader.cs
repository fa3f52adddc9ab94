using System.Data;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// Reads a keyset page from SQL Server: the page and its capped count in one batch, one round trip, on
/// the read connection (a readable secondary when <c>ConnectionStrings:ImportsRead</c> is set). With
/// <see cref="SqlServerOptions.UseSnapshotIsolation"/> both statements run in one SNAPSHOT transaction and
/// see the same committed state; otherwise each statement is consistent on its own (RCSI, see docs).
/// </summary>
internal sealed class SqlServerImportPageReader(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportPageReader
{
    public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = SqlServerKeysetSql.Instance.For(KeysetQueryShape.Of(request));
        var settings = options.Value;

        return connections.RunAsync(
            ConnectionIntent.ReadOnly,
            async connection =>
            {
                await using var transaction = settings.SqlServer.UseSnapshotIsolation
                    ? await connection.BeginTransactionAsync(IsolationLevel.Snapshot, cancellationToken)
                    : null;
                var command = new CommandDefinition(sql, TypedParameter.ToDapper(Parameters(request)), transaction, settings.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken);
                KeysetPage page;
                await using (var results = await connection.QueryMultipleAsync(command))
                {
                    var records = (await results.ReadAsync<SqlServerImportRow>()).Select(row => row.ToRecord()).ToArray();
                    var remaining = await results.ReadSingleAsync<int>();
                    page = new KeysetPage(records, remaining);
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return page;
            },
            cancellationToken);
    }

    /// <summary>
    /// The parameters of a request, each typed as the column it meets: bigint ids, tinyint statuses,
    /// datetime2(6) timestamps. Exactly the names the shape's SQL uses.
    /// </summary>
    internal static IReadOnlyList<TypedParameter> Parameters(KeysetPageRequest request)
    {
        var arguments = new Arguments();
        KeysetArguments.Write(request, arguments);
        return arguments.Parameters;
    }

    private sealed class Arguments : IKeysetArgumentSink
    {
        public List<TypedParameter> Parameters { get; } = [];

        public void Id(string name, long value) => Parameters.Add(TypedParameter.Int64(name, value));

        public void RowCount(string name, int value) => Parameters.Add(TypedParameter.Int32(name, value));

        public void Timestamp(string name, UtcTimestamp value) => Parameters.Add(TypedParameter.Timestamp(name, value.ToDateTime()));

        public void Statuses(StatusSet statuses) => Parameters.AddRange(SqlServerKeysetSql.StatusValues(statuses));
    }
}
