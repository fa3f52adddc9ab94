using System.Net.Http;
using System.Net.Sockets;
using Testcontainers.MsSql;

namespace ImportsService.IntegrationTests.Support;

/// <summary>
/// Finds the SQL Server the suite runs against, once per test run: the server named by
/// <c>IMPORTS_SQLSERVER_CONNECTION</c>, else a SQL Server 2022 container when a Docker engine answers,
/// else none (the SQL Server fixtures are then ignored with <see cref="SkipReason"/>). The container is
/// removed by Testcontainers' reaper when the test process ends.
/// </summary>
internal static class SqlServerInstance
{
    public const string ConnectionVariable = "IMPORTS_SQLSERVER_CONNECTION";
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    public const string SkipReason =
        "SQL Server integration suite skipped: set IMPORTS_SQLSERVER_CONNECTION or run a Docker engine " +
        "(no connection string in the environment, and no Docker engine answered on DOCKER_HOST or /var/run/docker.sock).";

    private static readonly TimeSpan DockerPingTimeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<Task<string?>> Server = new(FindAsync);

    /// <summary>A connection string to the server (any database; the fixtures create their own), or null when there is none.</summary>
    public static Task<string?> ConnectionStringAsync() => Server.Value;

    private static async Task<string?> FindAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (!await DockerAnswersAsync())
        {
            return null;
        }

        var container = new MsSqlBuilder(Image).Build();
        await container.StartAsync();
        return container.GetConnectionString();
    }

    /// <summary>Asks the engine's <c>/_ping</c> with a short timeout; a missing socket answers at once.</summary>
    private static async Task<bool> DockerAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Uri endpoint;
        string? socketPath = null;
        if (string.IsNullOrEmpty(host))
        {
            socketPath = "/var/run/docker.sock";
            endpoint = new Uri("http://localhost/_ping");
        }
        else if (host.StartsWith("unix://", StringComparison.Ordinal))
        {
            socketPath = host["unix://".Length..];
            endpoint = new Uri("http://localhost/_ping");
        }
        else if (host.StartsWith("tcp://", StringComparison.Ordinal))
        {
            endpoint = new Uri("http://" + host["tcp://".Length..].TrimEnd('/') + "/_ping");
        }
        else
        {
            return false;
        }

        if (socketPath is not null && !File.Exists(socketPath))
        {
            return false;
        }

        using var handler = new SocketsHttpHandler();
        if (socketPath is not null)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        using var client = new HttpClient(handler) { Timeout = DockerPingTimeout };
        try
        {
            using var response = await client.GetAsync(endpoint);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or SocketException or IOException)
        {
            return false;
        }
    }
}
