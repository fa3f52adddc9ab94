using System.Globalization;
using Dapper;
using ImportsService.Domain.Imports;
using Microsoft.Data.Sqlite;

namespace ImportsService.Benchmarks;

/// <summary>What a matrix case filters on.</summary>
public enum MatrixFilter
{
    None,
    OneStatus,
    ThreeStatuses,
    SameKeyRange,
    OtherKeyRange,
}

/// <summary>How much of the account a matrix filter matches.</summary>
public enum MatrixSelectivity
{
    /// <summary>No row.</summary>
    Nothing,

    /// <summary>About 0.1 % of the rows (about 1,000).</summary>
    Tenth,

    /// <summary>
    /// Just under the probe's cap (about 1,950–1,980 rows, 0.2 %): the most a probed range reads and sorts. Only for ranges
    /// on the other timestamp, the worst case of the range path.
    /// </summary>
    UnderProbeCap,

    /// <summary>About 10 % of the rows.</summary>
    Ten,

    /// <summary>Every row (a single status: the 89.9 % one; it cannot be every row while other statuses exist).</summary>
    All,
}

/// <summary>One cell of the query-cost matrix: sort, filter, selectivity, first page or a page in the middle of the matches.</summary>
public sealed record MatrixCase(ImportSortKey Key, SortDirection Direction, MatrixFilter Filter, MatrixSelectivity Selectivity, bool Deep)
{
    /// <summary>The demo account's statuses after <see cref="QueryCostMatrix.Prepare"/>: rolled_back 89.9 %, failed 10 %, partially_complete 0.1 %, the rest none.</summary>
    private static readonly Dictionary<(MatrixFilter, MatrixSelectivity), ImportStatus[]> Statuses = new()
    {
        [(MatrixFilter.OneStatus, MatrixSelectivity.Nothing)] = [ImportStatus.New],
        [(MatrixFilter.OneStatus, MatrixSelectivity.Tenth)] = [ImportStatus.PartiallyComplete],
        [(MatrixFilter.OneStatus, MatrixSelectivity.Ten)] = [ImportStatus.Failed],
        [(MatrixFilter.OneStatus, MatrixSelectivity.All)] = [ImportStatus.RolledBack],
        [(MatrixFilter.ThreeStatuses, MatrixSelectivity.Nothing)] = [ImportStatus.New, ImportStatus.Queued, ImportStatus.Processing],
        [(MatrixFilter.ThreeStatuses, MatrixSelectivity.Tenth)] = [ImportStatus.PartiallyComplete, ImportStatus.New, ImportStatus.Queued],
        [(MatrixFilter.ThreeStatuses, MatrixSelectivity.Ten)] = [ImportStatus.Failed, ImportStatus.New, ImportStatus.Queued],
        [(MatrixFilter.ThreeStatuses, MatrixSelectivity.All)] = [ImportStatus.PartiallyComplete, ImportStatus.Failed, ImportStatus.RolledBack],
    };

    /// <summary>
    /// Ranges [from, until) on a timestamp: the generated rows are created 2022-01-01 to 2026-01-01 (1,461 days) and
    /// updated up to three days later, so a window of 1.46 days holds about 0.1 % of them and one of 146 days about 10 %.
    /// </summary>
    private static readonly Dictionary<MatrixSelectivity, (DateTime From, DateTime Until)> Windows = new()
    {
        [MatrixSelectivity.Nothing] = (Utc(1990, 1, 1), Utc(2000, 1, 1)),
        [MatrixSelectivity.Tenth] = (Utc(2024, 1, 1), Utc(2024, 1, 1).AddHours(35)),
        [MatrixSelectivity.UnderProbeCap] = (Utc(2024, 1, 1), Utc(2024, 1, 1).AddHours(68)),
        [MatrixSelectivity.Ten] = (Utc(2023, 11, 1), Utc(2023, 11, 1).AddDays(146)),
        [MatrixSelectivity.All] = (Utc(2000, 1, 1), Utc(2030, 1, 1)),
    };

    /// <summary>
    /// Every case: 3 keys × 2 directions × (no filter, or 4 filters × 4 selectivities; sort[id] has no same-key range; the
    /// other-key range also just under the probe cap) × first and deep, less deep pages of nothing.
    /// </summary>
    public static IEnumerable<MatrixCase> All()
    {
        foreach (var key in new[] { ImportSortKey.Id, ImportSortKey.CreatedAt, ImportSortKey.UpdatedAt })
        {
            foreach (var direction in new[] { SortDirection.Descending, SortDirection.Ascending })
            {
                foreach (var deep in new[] { false, true })
                {
                    yield return new MatrixCase(key, direction, MatrixFilter.None, MatrixSelectivity.All, deep);
                    foreach (var filter in new[] { MatrixFilter.OneStatus, MatrixFilter.ThreeStatuses, MatrixFilter.SameKeyRange, MatrixFilter.OtherKeyRange })
                    {
                        if (filter == MatrixFilter.SameKeyRange && key == ImportSortKey.Id)
                        {
                            continue;
                        }

                        foreach (var selectivity in Enum.GetValues<MatrixSelectivity>())
                        {
                            if (!(deep && selectivity == MatrixSelectivity.Nothing)
                                && (selectivity != MatrixSelectivity.UnderProbeCap || filter == MatrixFilter.OtherKeyRange))
                            {
                                yield return new MatrixCase(key, direction, filter, selectivity, deep);
                            }
                        }
                    }
                }
            }
        }
    }

    public ImportListing Listing()
    {
        var statuses = Statuses.TryGetValue((Filter, Selectivity), out var members) ? ImportStatusSet.FromMask(members.Sum(s => 1 << (int)s)) : (ImportStatusSet?)null;
        var rangeColumn = Filter switch
        {
            MatrixFilter.SameKeyRange => Key,
            MatrixFilter.OtherKeyRange => Key == ImportSortKey.CreatedAt ? ImportSortKey.UpdatedAt : ImportSortKey.CreatedAt,
            _ => (ImportSortKey?)null,
        };
        var (from, until) = Windows[Selectivity];
        var window = new TimeRange(
            new TimestampBound(BoundOperator.GreaterThanOrEqual, UtcTimestamp.FromDateTime(from)),
            new TimestampBound(BoundOperator.LessThan, UtcTimestamp.FromDateTime(until)));
        var filter = new ImportFilter(
            statuses,
            rangeColumn == ImportSortKey.CreatedAt ? window : TimeRange.Unbounded,
            rangeColumn == ImportSortKey.UpdatedAt ? window : TimeRange.Unbounded);
        return new ImportListing(filter, new ImportSort(Key, Direction));
    }

    /// <summary>For BenchmarkDotNet's table: <c>created_at desc, other-key range 10%, deep</c>.</summary>
    public override string ToString()
    {
        var key = Key switch { ImportSortKey.Id => "id", ImportSortKey.CreatedAt => "created_at", _ => "updated_at" };
        var filter = Filter switch
        {
            MatrixFilter.None => "no filter",
            MatrixFilter.OneStatus => "1 status",
            MatrixFilter.ThreeStatuses => "3 statuses",
            MatrixFilter.SameKeyRange => "same-key range",
            _ => "other-key range",
        };
        var selectivity = Filter == MatrixFilter.None ? string.Empty : Selectivity switch
        {
            MatrixSelectivity.Nothing => " 0%",
            MatrixSelectivity.Tenth => " 0.1%",
            MatrixSelectivity.UnderProbeCap => " 0.2% (under the probe cap)",
            MatrixSelectivity.Ten => " 10%",
            _ => Filter == MatrixFilter.OneStatus ? " 90%" : " 100%",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{key} {(Direction == SortDirection.Descending ? "desc" : "asc")}, {filter}{selectivity}, {(Deep ? "deep" : "first")}");
    }

    private static DateTime Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);
}

/// <summary>The database of the matrix and the positions of its deep pages.</summary>
internal static class QueryCostMatrix
{
    /// <summary>
    /// Gives the demo account a skewed status mix (every 1,000th id partially_complete, every 10th otherwise failed, the
    /// rest rolled_back) so that status filters match nothing, 0.1 %, 10 % and nearly everything.
    /// </summary>
    public static async Task Prepare(SqliteConnection connection, long accountId)
    {
        await using var transaction = connection.BeginTransaction();
        await connection.ExecuteAsync(
            "UPDATE imports SET status = CASE WHEN id % 1000 = 0 THEN 3 WHEN id % 10 = 1 THEN 4 ELSE 7 END WHERE account_id = @accountId;",
            new { accountId }, transaction, commandTimeout: 0);
        await transaction.CommitAsync();
    }

    /// <summary>The row in the middle of the listing's matches (the page after it is the deep page); null when nothing matches.</summary>
    public static async Task<KeysetPosition?> MiddleAsync(SqliteConnection connection, long accountId, ImportListing listing)
    {
        var (where, parameters) = Where(accountId, listing.Filter);
        var matches = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM imports WHERE {where};", parameters, commandTimeout: 0);
        if (matches == 0)
        {
            return null;
        }

        var order = listing.Sort.Direction == SortDirection.Descending ? "DESC" : "ASC";
        var key = listing.Sort.Key switch { ImportSortKey.CreatedAt => "created_at", ImportSortKey.UpdatedAt => "updated_at", _ => "id" };
        parameters.Add("offset", matches / 2);
        var row = await connection.QuerySingleAsync<(long Id, long Key)>(
            $"SELECT id, {key} FROM imports WHERE {where} ORDER BY {key} {order}, id {order} LIMIT 1 OFFSET @offset;", parameters, commandTimeout: 0);
        return new KeysetPosition(listing.Sort.Key == ImportSortKey.Id ? null : UtcTimestamp.FromUnixMicroseconds(row.Key), row.Id);
    }

    private static (string Where, DynamicParameters Parameters) Where(long accountId, ImportFilter filter)
    {
        var parameters = new DynamicParameters(new { accountId });
        var where = "account_id = @accountId";
        if (filter.Statuses is { } statuses)
        {
            where += $" AND status IN ({string.Join(", ", statuses.Members.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)))})";
        }

        foreach (var (column, range) in new[] { ("created_at", filter.CreatedAt), ("updated_at", filter.UpdatedAt) })
        {
            foreach (var bound in new[] { range.Lower, range.Upper }.OfType<TimestampBound>())
            {
                var name = $"{column}_{parameters.ParameterNames.Count()}";
                var op = bound.Operator switch
                {
                    BoundOperator.LessThan => "<",
                    BoundOperator.LessThanOrEqual => "<=",
                    BoundOperator.GreaterThan => ">",
                    _ => ">=",
                };
                where += $" AND {column} {op} @{name}";
                parameters.Add(name, bound.Value.UnixMicroseconds);
            }
        }

        return (where, parameters);
    }
}
