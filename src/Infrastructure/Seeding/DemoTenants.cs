namespace ImportsService.Infrastructure.Seeding;

/// <summary>Users, docs and outside checks rely on these exact values: never change them.</summary>
public static class DemoTenants
{
    public const string DemoAccountToken = "demo-account-token";
    public const string DemoApiKey = "demo-api-key";
    public const int DemoImportCount = 1_000;

    public const string OtherAccountToken = "other-account-token";
    public const string OtherApiKey = "other-api-key";
    public const int OtherImportCount = 200;

    /// <summary>A member of the demo account whose membership may not read imports.</summary>
    public const string NoAccessApiKey = "no-access-api-key";
}
