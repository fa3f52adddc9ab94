using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Imports;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// The SQL Server hooks of the keyset statements (<see cref="KeysetSql"/>): TOP instead of LIMIT, the status
/// set as a fixed-arity IN list, and, since SQL Server has no row-value comparison, the position in the
/// seekable form <c>created_at &lt;= @after_ts AND (created_at &lt; @after_ts OR id &lt; @after_id)</c>: the
/// first conjunct is a range on the index key the seek starts from, the OR only decides the tie at its edge
/// (ADR 0003).
/// </summary>
internal sealed class SqlServerKeysetSql : KeysetSql
{
    /// <summary>The status filter always has this many parameters; a smaller set repeats a member.</summary>
    public const int StatusSlots = 10;

    private SqlServerKeysetSql()
    {
    }

    public static SqlServerKeysetSql Instance { get; } = new();

    protected override string StatusPredicate { get; } =
        $"status IN ({string.Join(", ", Enumerable.Range(0, StatusSlots).Select(slot => "@" + StatusParameter(slot)))})";

    public static string StatusParameter(int slot) => $"status_{slot}";

    /// <summary>
    /// The values of the status slots: the members of <paramref name="statuses"/>, padded with the last one,
    /// so every status set shares one statement and plan.
    /// </summary>
    public static IEnumerable<TypedParameter> StatusValues(StatusSet statuses)
    {
        var members = statuses.Members.Select(s => (byte)s).ToArray();
        return Enumerable.Range(0, StatusSlots).Select(slot => TypedParameter.Byte(StatusParameter(slot), members[Math.Min(slot, members.Length - 1)]));
    }

    protected override string Source(ImportSortKey sortKey) => "dbo.imports";

    protected override string Top(string rows) => $"TOP ({rows}) ";

    protected override string Limit(string rows) => string.Empty;

    // The redundant inclusive range is what the seek uses; the OR settles ties on the timestamp by id.
    protected override string TimestampPosition(string column, string after) =>
        $"{column} {after}= @{ImportParameters.AfterTimestamp} AND ({column} {after} @{ImportParameters.AfterTimestamp} OR id {after} @{ImportParameters.AfterId})";
}
