using System.Data;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Imports;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// Reads a keyset page from SQLite. The page and its capped count run in one read transaction, so in WAL
/// mode both see the same snapshot even while writers commit.
/// </summary>
internal sealed class SqliteImportPageReader(SqliteConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportPageReader
{
    public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = SqliteKeysetSql.Instance.For(KeysetQueryShape.Of(request));
        var parameters = Parameters(request);

        return connections.RunAsync(
            async connection =>
            {
                await using var transaction = connection.BeginTransaction(deferred: true);
                var command = new CommandDefinition(sql, parameters, transaction, options.Value.CommandTimeoutSeconds, cancellationToken: cancellationToken);
                await using var results = await connection.QueryMultipleAsync(command);
                var records = (await results.ReadAsync<SqliteImportRow>()).Select(row => row.ToRecord()).ToArray();
                var remaining = await results.ReadSingleAsync<long>();
                return new KeysetPage(records, (int)remaining);
            },
            cancellationToken);
    }

    /// <summary>Every value is a typed INTEGER parameter; timestamps are microseconds since the Unix epoch.</summary>
    internal static DynamicParameters Parameters(KeysetPageRequest request)
    {
        var arguments = new Arguments();
        KeysetArguments.Write(request, arguments);
        return arguments.Parameters;
    }

    private sealed class Arguments : IKeysetArgumentSink
    {
        public DynamicParameters Parameters { get; } = new();

        public void Id(string name, long value) => Parameters.Add(name, value, DbType.Int64);

        public void RowCount(string name, int value) => Parameters.Add(name, value, DbType.Int64);

        public void Timestamp(string name, UtcTimestamp value) => Parameters.Add(name, value.UnixMicroseconds, DbType.Int64);

        public void Statuses(StatusSet statuses) => Parameters.Add(SqliteKeysetSql.StatusMaskParameter, statuses.Mask, DbType.Int64);
    }
}
