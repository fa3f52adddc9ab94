using System.Net;
using System.Net.Sockets;

namespace ImportsService.Tests.Shared;

/// <summary>Ports on the loopback interface, for tests of a dependency that does not answer.</summary>
public static class LoopbackPorts
{
    /// <summary>A port that was free a moment ago (bound, then released): nothing listens on it, so connecting is refused at once.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
