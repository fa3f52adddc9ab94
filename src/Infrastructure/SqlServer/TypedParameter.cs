using System.Data;
using Dapper;

namespace ImportsService.Infrastructure.SqlServer;

/// <summary>
/// A parameter typed as the column it meets: no implicit conversion of a column (which turns a seek into a scan), one
/// cached plan whatever the value's length. Data, so tests can check the types without a server.
/// </summary>
internal sealed record TypedParameter(string Name, object? Value, DbType Type, int? Size = null, byte? Scale = null)
{
    public const byte TimestampScale = 6;

    public static TypedParameter Int64(string name, long value) => new(name, value, DbType.Int64);

    public static TypedParameter Int32(string name, int value) => new(name, value, DbType.Int32);

    public static TypedParameter Byte(string name, byte value) => new(name, value, DbType.Byte);

    /// <summary>datetime2(6), never DbType.DateTime: the legacy 3 ms type would round.</summary>
    public static TypedParameter Timestamp(string name, DateTime? value) => new(name, value, DbType.DateTime2, Scale: TimestampScale);

    public static TypedParameter Date(string name, DateOnly value) => new(name, value.ToDateTime(TimeOnly.MinValue), DbType.Date);

    public static TypedParameter Ansi(string name, string? value, int length) => new(name, value, DbType.AnsiString, length);

    public static TypedParameter Unicode(string name, string? value, int length) => new(name, value, DbType.String, length);

    /// <summary>
    /// NULL, matching no account, when varchar(100) cannot hold the token unchanged: a sized ANSI parameter would truncate
    /// it or turn characters into '?', and a mangled token could equal a real one.
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
