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
        var sql = SqlServerKeysetSql.For(KeysetQueryShape.Of(request));
        var settings = options.Value;

        return connections.RunAsync(
            ConnectionIntent.ReadOnly,
            async connection =>
            {
                await using var transaction = settings.SqlServer.UseSnapshotIsolation
                    ? await connection.BeginTransactionAsync(IsolationLevel.Snapshot, cancellationToken)
                    : null;
                var command = new CommandDefinition(sql, TypedParameter.ToDapper(Parameters(request)), transaction, settings.CommandTimeoutSeconds, cancellationToken: cancellationToken);
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
        ArgumentNullException.ThrowIfNull(request);
        var filter = request.Listing.Filter;
        var parameters = new List<TypedParameter>
        {
            TypedParameter.Int64("account_id", request.AccountId),
            TypedParameter.Int32("take", request.Take),
            TypedParameter.Int32("count_cap", request.CountCap),
        };

        if (filter.Statuses is { } statuses)
        {
            // Fixed arity: pad with the first member, so every status set shares one statement and plan.
            var members = statuses.Members.Select(s => (byte)s).ToArray();
            for (var slot = 0; slot < SqlServerKeysetSql.StatusSlots; slot++)
            {
                parameters.Add(TypedParameter.Byte(SqlServerKeysetSql.StatusParameter(slot), members[Math.Min(slot, members.Length - 1)]));
            }
        }

        AddBound(parameters, "created_lower", filter.CreatedAt.Lower);
        AddBound(parameters, "created_upper", filter.CreatedAt.Upper);
        AddBound(parameters, "updated_lower", filter.UpdatedAt.Lower);
        AddBound(parameters, "updated_upper", filter.UpdatedAt.Upper);
        if (request.After is { } after)
        {
            parameters.Add(TypedParameter.Int64("after_id", after.Id));
            if (request.Listing.Sort.Key != ImportSortKey.Id)
            {
                var timestamp = after.Timestamp ?? throw new ArgumentException("A timestamp sort needs a timestamp position.", nameof(request));
                parameters.Add(TypedParameter.Timestamp("after_ts", timestamp.ToDateTime()));
            }
        }

        return parameters;
    }

    private static void AddBound(List<TypedParameter> parameters, string name, TimestampBound? bound)
    {
        if (bound is { } b)
        {
            parameters.Add(TypedParameter.Timestamp(name, b.Value.ToDateTime()));
        }
    }
}
