using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// A throw-away <c>redis-server</c> on a free loopback port, no persistence, for the tests of limits shared
/// across instances. <see cref="StartOrIgnore"/> skips the calling test (Assert.Ignore, with the reason)
/// when the binary is not installed.
/// </summary>
internal sealed class RedisServer : IDisposable
{
    public const string MissingReason =
        "redis-server is not installed, so the limits shared through Redis cannot be tested here; install it with: apt-get install redis-server";

    private readonly Process process;
    private readonly string directory;

    private RedisServer(Process process, string directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static string? FindBinary() => LocalServerProcess.FindBinary("redis-server");

    public static RedisServer StartOrIgnore()
    {
        var binary = FindBinary();
        if (binary is null)
        {
            Assert.Ignore(MissingReason);
        }

        var port = LoopbackPorts.Closed();
        var directory = Path.Combine(Path.GetTempPath(), $"imports-redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var process = LocalServerProcess.Start(binary!, directory,
        [
            "--port", $"{port}", "--bind", "127.0.0.1", "--protected-mode", "yes", "--save", string.Empty,
            "--appendonly", "no", "--daemonize", "no", "--dir", directory, "--loglevel", "warning",
        ]);
        var server = new RedisServer(process, directory, port);
        try
        {
            server.WaitUntilAnswering(TimeSpan.FromSeconds(15));
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public void Dispose() => LocalServerProcess.Stop(process, directory);

    private void WaitUntilAnswering(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode} before it answered.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.Write("PING\r\n"u8);
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException) when (clock.Elapsed < timeout)
            {
            }

            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException($"redis-server did not answer on port {Port} within {timeout}.");
            }

            Thread.Sleep(50);
        }
    }
}
