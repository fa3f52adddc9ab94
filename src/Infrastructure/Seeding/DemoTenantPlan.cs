namespace ImportsService.Infrastructure.Seeding;

/// <summary>The demo tenants, once for every dialect: each seeder writes this plan in its own SQL, in this order.</summary>
internal static class DemoTenantPlan
{
    public static IReadOnlyList<Account> Accounts { get; } =
    [
        new(DemoTenants.DemoAccountToken, "Demo Fleet", DemoImportGenerator.DemoAccountImports),
        new(DemoTenants.OtherAccountToken, "Other Fleet", DemoImportGenerator.OtherAccountImports),
    ];

    public static IReadOnlyList<User> Users { get; } =
    [
        new("Demo user", DemoTenants.DemoApiKey),
        new("Other user", DemoTenants.OtherApiKey),
        new("Demo user without import access", DemoTenants.NoAccessApiKey),
    ];

    public static IReadOnlyList<Membership> Memberships { get; } =
    [
        new(DemoTenants.DemoAccountToken, DemoTenants.DemoApiKey, CanReadImports: true),
        new(DemoTenants.OtherAccountToken, DemoTenants.OtherApiKey, CanReadImports: true),
        new(DemoTenants.DemoAccountToken, DemoTenants.NoAccessApiKey, CanReadImports: false),
    ];

    public sealed record Account(string Token, string Name, Func<IEnumerable<GeneratedImport>> Imports);

    public sealed record User(string Name, string ApiKey);

    /// <summary>One key per demo user, so the key names the user.</summary>
    public sealed record Membership(string AccountToken, string ApiKey, bool CanReadImports);
}
