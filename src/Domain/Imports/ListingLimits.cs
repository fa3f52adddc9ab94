namespace ImportsService.Domain.Imports;

/// <summary>The numbers the contract fixes for a listing.</summary>
public static class ListingLimits
{
    public const int MinPerPage = 2;
    public const int MaxPerPage = 100;
    public const int DefaultPerPage = 50;

    /// <summary><c>estimated_remaining_count</c> counts at most this many rows, so counting costs O(500), not O(N).</summary>
    public const int RemainingCountCap = 500;
}
