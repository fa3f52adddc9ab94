using Microsoft.Extensions.Logging;

namespace ImportsService.Infrastructure;

/// <summary>The events Infrastructure logs, one definition each, shared by every database provider.</summary>
internal static partial class InfrastructureLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    public static partial void AppliedMigration(this ILogger logger, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ensured the SQL Server database exists")]
    public static partial void EnsuredSqlServerDatabase(this ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Count} generated imports to the demo account")]
    public static partial void AddedDemoImports(this ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo tenants: {DemoCount} imports for the demo account, {OtherCount} for the other account")]
    public static partial void SeededDemoTenants(this ILogger logger, int demoCount, int otherCount);
}
