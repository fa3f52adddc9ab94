using System.Data;
using Dapper;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Keyset;
using ImportsService.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ImportsService.Infrastructure.Imports.ListImports;

/// <summary>One read transaction, so in WAL mode the probe, the zones' bounds, the page and the count see one snapshot while writers commit.</summary>
internal sealed class SqliteImportPageReader(SqliteConnectionFactory connections, IOptions<DatabaseOptions> options) : IImportPageReader
{
    public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return connections.RunAsync(connection => ReadAsync(connection, request, options.Value.CommandTimeoutSeconds, cancellationToken), cancellationToken);
    }

    /// <summary>One page on an open connection (the step-count tests run it on a connection they watch).</summary>
    internal static async Task<KeysetPage> ReadAsync(SqliteConnection connection, KeysetPageRequest request, int? commandTimeoutSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var shape = KeysetQueryShape.Of(request);
        var commands = SqliteKeysetSql.For(shape, request.Listing.Filter.Statuses?.Members.Count() ?? 0);
        var parameters = Parameters(request);
        CommandDefinition Command(string sql, IDbTransaction transaction) =>
            new(sql, parameters, transaction, commandTimeoutSeconds, cancellationToken: cancellationToken);

        await using var transaction = connection.BeginTransaction(deferred: true);
        var pageAndCount = commands.Seek;
        if (commands.Probe is { } probe)
        {
            var counts = new List<long>(commands.Ranges.Count);
            await using (var reader = await connection.ExecuteReaderAsync(Command(probe, transaction)))
            {
                await reader.ReadAsync(cancellationToken);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    counts.Add(reader.GetInt64(i));
                }
            }

            if (shape.ChooseRange(counts) is { } range)
            {
                pageAndCount = commands.Ranges[range];
            }
        }

        if (ReferenceEquals(pageAndCount, commands.Seek) && commands.ZoneBounds is { } zoneBounds)
        {
            await using var reader = await connection.ExecuteReaderAsync(Command(zoneBounds, transaction));
            await reader.ReadAsync(cancellationToken);
            for (var arm = 0; arm < reader.FieldCount; arm++)
            {
                parameters.Add(SqliteKeysetSql.ZoneBoundParameter(arm), reader.IsDBNull(arm) ? null : reader.GetInt64(arm), DbType.Int64);
            }
        }

        await using var results = await connection.QueryMultipleAsync(Command(pageAndCount, transaction));
        var records = (await results.ReadAsync<SqliteImportRow>()).Select(row => row.ToRecord()).ToArray();
        var remaining = await results.ReadSingleAsync<long>();
        return new KeysetPage(records, (int)remaining);
    }

    /// <summary>Every value an INTEGER; timestamps in microseconds since the Unix epoch.</summary>
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

        // The mask for a probed range's residual check; one parameter per member for the seek's arms.
        public void Statuses(ImportStatusSet statuses)
        {
            Parameters.Add(SqliteKeysetSql.StatusMask, statuses.Mask, DbType.Int64);
            var arm = 0;
            foreach (var status in statuses.Members)
            {
                Parameters.Add(SqliteKeysetSql.StatusParameter(arm++), (long)status, DbType.Int64);
            }
        }
    }
}
