namespace ImportsService.Infrastructure.SqlServer;

/// <summary>The declared lengths of the string and binary columns in the SQL Server migrations; parameters are sized to match.</summary>
internal static class SqlServerColumnLengths
{
    /// <summary>accounts.token, varchar.</summary>
    public const int AccountToken = 100;

    /// <summary>accounts.name and users.name, nvarchar.</summary>
    public const int Name = 200;

    /// <summary>api_keys.key_hash, binary (SHA-256).</summary>
    public const int KeyHash = 32;

    /// <summary>imports.type, varchar.</summary>
    public const int ImportType = 50;

    /// <summary>imports.file_name, nvarchar.</summary>
    public const int FileName = 255;

    /// <summary>imports.note, nvarchar.</summary>
    public const int Note = 1000;
}
