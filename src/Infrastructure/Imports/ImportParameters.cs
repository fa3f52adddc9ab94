namespace ImportsService.Infrastructure.Imports;

/// <summary>
/// The names of the parameters every dialect's imports statements use (without the <c>@</c>): the SQL text
/// and the values are written from these constants, so the two cannot drift apart. Parameters only one
/// dialect has (how it passes a status set) are named in that dialect's keyset SQL.
/// </summary>
internal static class ImportParameters
{
    public const string AccountId = "account_id";

    /// <summary>The import's own id (GetImport).</summary>
    public const string Id = "id";

    public const string Take = "take";

    public const string CountCap = "count_cap";

    /// <summary>How many rows of a filter column's range a probe counts at most (<see cref="KeysetPlan.ProbeCap"/>).</summary>
    public const string ProbeCap = "probe_cap";

    public const string CreatedLower = "created_lower";

    public const string CreatedUpper = "created_upper";

    public const string UpdatedLower = "updated_lower";

    public const string UpdatedUpper = "updated_upper";

    /// <summary>The id of the position a page starts after.</summary>
    public const string AfterId = "after_id";

    /// <summary>The sort timestamp of the position a page starts after (timestamp sorts only).</summary>
    public const string AfterTimestamp = "after_ts";
}
