using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ImportsService.Api.Forwarding;

/// <summary>
/// Who a request comes from, for per-client budgets and log throttling: the connection's remote address
/// (rewritten from <c>X-Forwarded-For</c> only when the request came through a configured proxy). IPv6
/// clients are grouped by their /64, the block one subscriber usually holds, so rotating addresses within
/// it gains nothing.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string PartitionKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return PartitionKey(context.Connection.RemoteIpAddress);
    }

    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return string.Create(CultureInfo.InvariantCulture, $"{new IPAddress(bytes)}/64");
    }
}
