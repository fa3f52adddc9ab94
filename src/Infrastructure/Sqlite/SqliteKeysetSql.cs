using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.Sqlite;

/// <summary>
/// The SQLite hooks of the keyset statements (<see cref="KeysetSql"/>). Both statements run on the covering
/// index of the sort key, named with INDEXED BY so the plan cannot drift to a sort or a scan (SQLite refuses
/// the statement instead), and the position is a row-value comparison <c>(created_at, id) &lt; (@after_ts, @after_id)</c>,
/// which SQLite turns into one index range; the equivalent OR form makes it scan.
/// </summary>
internal sealed class SqliteKeysetSql : KeysetSql
{
    /// <summary>One parameter for any set of statuses: bit n of the mask admits status code n.</summary>
    public const string StatusMaskParameter = "status_mask";

    private SqliteKeysetSql()
    {
    }

    public static SqliteKeysetSql Instance { get; } = new();

    public static string IndexFor(ImportSortKey key) => key switch
    {
        ImportSortKey.Id => "ix_imports_account_id",
        ImportSortKey.CreatedAt => "ix_imports_account_created_at",
        ImportSortKey.UpdatedAt => "ix_imports_account_updated_at",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    protected override string StatusPredicate => $"((@{StatusMaskParameter} >> status) & 1) = 1";

    protected override string Source(ImportSortKey sortKey) => $"imports INDEXED BY {IndexFor(sortKey)}";

    protected override string Top(string rows) => string.Empty;

    protected override string Limit(string rows) => $" LIMIT {rows}";

    protected override string TimestampPosition(string column, string after) =>
        $"({column}, id) {after} (@{ImportParameters.AfterTimestamp}, @{ImportParameters.AfterId})";
}
