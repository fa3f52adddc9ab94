using System.Data;
using Dapper;
using ImportsService.Application.Imports.ListImports;
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
        var sql = SqliteKeysetSql.For(KeysetQueryShape.Of(request));
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
        var filter = request.Listing.Filter;
        var parameters = new DynamicParameters();
        parameters.Add("account_id", request.AccountId, DbType.Int64);
        parameters.Add("take", request.Take, DbType.Int64);
        parameters.Add("count_cap", request.CountCap, DbType.Int64);
        if (filter.Statuses is { } statuses)
        {
            parameters.Add("status_mask", statuses.Mask, DbType.Int64);
        }

        AddBound(parameters, "created_lower", filter.CreatedAt.Lower);
        AddBound(parameters, "created_upper", filter.CreatedAt.Upper);
        AddBound(parameters, "updated_lower", filter.UpdatedAt.Lower);
        AddBound(parameters, "updated_upper", filter.UpdatedAt.Upper);
        if (request.After is { } after)
        {
            parameters.Add("after_id", after.Id, DbType.Int64);
            if (after.Timestamp is { } timestamp)
            {
                parameters.Add("after_ts", timestamp.UnixMicroseconds, DbType.Int64);
            }
        }

        return parameters;
    }

    private static void AddBound(DynamicParameters parameters, string name, Domain.Imports.TimestampBound? bound)
    {
        if (bound is { } b)
        {
            parameters.Add(name, b.Value.UnixMicroseconds, DbType.Int64);
        }
    }
}
