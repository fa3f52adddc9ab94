using System.Net;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace ImportsService.Api.Tests.Common;

internal static class LimitsTestSupport
{
    /// <summary>The header <see cref="PeerAddressFilter"/> turns into the connection's remote address.</summary>
    public const string PeerHeader = "X-Test-Peer";

    public static long AccountId(string accountToken)
    {
        using var connection = new SqliteConnection($"Data Source={ApiHost.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM accounts WHERE token = $token";
        command.Parameters.AddWithValue("$token", accountToken);
        return (long)command.ExecuteScalar()!;
    }

    public static long DemoAccountId => AccountId(DemoTenants.DemoAccountToken);

    public static HttpClient From(this HttpClient client, string peer)
    {
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;
}

/// <summary>The test server has no sockets: this sets the connection's remote address from a test header, before the app's pipeline.</summary>
internal sealed class PeerAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers[LimitsTestSupport.PeerHeader] is [{ } peer])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            }

            return following(context);
        });
        next(app);
    };
}

/// <summary>A page reader that holds the requests of one account until released; others get an empty page at once.</summary>
internal sealed class BlockingPageReader(long blockedAccountId) : IImportPageReader
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int inside;

    public int Inside => Volatile.Read(ref inside);

    public void Release() => release.TrySetResult();

    /// <summary>Waits until <paramref name="count"/> blocked requests are inside the reader.</summary>
    public async Task WaitUntilInsideAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Inside < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public async Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AccountId == blockedAccountId)
        {
            Interlocked.Increment(ref inside);
            try
            {
                await release.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inside);
            }
        }

        return new KeysetPage([], 0);
    }
}
