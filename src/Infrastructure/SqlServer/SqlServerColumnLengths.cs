namespace ImportsService.Infrastructure.SqlServer;

/// <summary>The lengths the migrations declare (a test compares them); parameters are sized to match.</summary>
internal static class SqlServerColumnLengths
{
    public const int AccountToken = 100;

    public const int Name = 200;

    public const int KeyHash = 32;

    public const int ImportType = 50;

    public const int FileName = 255;

    public const int Note = 1000;
}
