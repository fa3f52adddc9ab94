using System.Data;
using Dapper;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// One SQL Server parameter with the type of the column it meets, spelled out so the plan compares like
/// with like: no implicit conversion of a column (which turns a seek into a scan) and one cached plan per
/// statement whatever the value's length. Kept as data so tests can check the types without a server.
/// </summary>
internal sealed record TypedParameter(string Name, object? Value, DbType Type, int? Size = null, byte? Scale = null)
{
    /// <summary>datetime2(6): the stored precision of every timestamp column.</summary>
    public const byte TimestampScale = 6;

    public static TypedParameter Int64(string name, long value) => new(name, value, DbType.Int64);

    public static TypedParameter Int32(string name, int value) => new(name, value, DbType.Int32);

    public static TypedParameter Byte(string name, byte value) => new(name, value, DbType.Byte);

    /// <summary>A datetime2(6) value (never DbType.DateTime, which is the legacy 3 ms type and would round).</summary>
    public static TypedParameter Timestamp(string name, DateTime? value) => new(name, value, DbType.DateTime2, Scale: TimestampScale);

    /// <summary>A date value.</summary>
    public static TypedParameter Date(string name, DateOnly value) => new(name, value.ToDateTime(TimeOnly.MinValue), DbType.Date);

    /// <summary>A varchar(<paramref name="length"/>) value.</summary>
    public static TypedParameter Ansi(string name, string? value, int length) => new(name, value, DbType.AnsiString, length);

    /// <summary>An nvarchar(<paramref name="length"/>) value.</summary>
    public static TypedParameter Unicode(string name, string? value, int length) => new(name, value, DbType.String, length);

    /// <summary>
    /// An account token as varchar(100), or NULL (matching no account) when the column could not hold it unchanged: a
    /// sized ANSI parameter would truncate a longer token or turn its other characters into '?', and a mangled token
    /// could equal a real one.
    /// </summary>
    public static TypedParameter AccountToken(string name, string? token)
    {
        var storable = token is { Length: > 0 and <= SqlServerColumnLengths.AccountToken } && token.All(char.IsAscii);
        return Ansi(name, storable ? token : null, SqlServerColumnLengths.AccountToken);
    }

    public static TypedParameter Binary(string name, byte[] value, int length) => new(name, value, DbType.Binary, length);

    public static DynamicParameters ToDapper(IEnumerable<TypedParameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var dapper = new DynamicParameters();
        foreach (var p in parameters)
        {
            dapper.Add(p.Name, p.Value ?? DBNull.Value, p.Type, ParameterDirection.Input, p.Size, precision: null, scale: p.Scale);
        }

        return dapper;
    }
}
