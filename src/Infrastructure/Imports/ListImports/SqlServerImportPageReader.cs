using System.Data;
using System.Data.Common;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Keyset;
using ImportsService.Infrastructure.SqlServer;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Imports.ListImports;

/// <summary>One batch, one round trip, on the read connection (a readable secondary when configured).</summary>
internal sealed class SqlServerImportPageReader(SqlServerConnectionFactory connections, IOptions<DatabaseOptions> options, IOptions<SqlServerOptions> sqlServerOptions) : IImportPageReader
{
    public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = SqlServerKeysetSql.For(KeysetQueryShape.Of(request));
        var settings = options.Value;

        return connections.RunAsync(
            ConnectionIntent.ReadOnly,
            async connection =>
            {
                await using var transaction = sqlServerOptions.Value.UseSnapshotIsolation
                    ? await connection.BeginTransactionAsync(IsolationLevel.Snapshot, cancellationToken)
                    : null;
                var command = new CommandDefinition(sql, TypedParameter.ToDapper(Parameters(request)), transaction, settings.StatementCommandTimeoutSeconds, cancellationToken: cancellationToken);
                KeysetPage page;
                await using (var reader = await connection.ExecuteReaderAsync(command))
                {
                    page = await ReadFoldedAsync(reader, cancellationToken);
                }

                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return page;
            },
            cancellationToken);
    }

    /// <summary>Column 0 is the capped count; an empty page is one row of NULLs after it.</summary>
    internal static async Task<KeysetPage> ReadFoldedAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parse = reader.GetRowParser<SqlServerImportRow>(startIndex: 1);
        var records = new List<Import>();
        var remaining = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            remaining = reader.GetInt32(0);
            if (!await reader.IsDBNullAsync(1, cancellationToken))
            {
                records.Add(parse(reader).ToRecord());
            }
        }

        return new KeysetPage(records, remaining);
    }

    /// <summary>Each typed as the column it meets: bigint ids, tinyint statuses, datetime2(6) timestamps.</summary>
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

        public void Statuses(ImportStatusSet statuses) => Parameters.AddRange(SqlServerKeysetSql.StatusValues(statuses));
    }
}
