using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure;
using ImportsService.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ImportsService.IntegrationTests.Database.SqlServer;

/// <summary>
/// Provider=SqlServer pointed at a port nobody listens on (refused at once), or at a listener that accepts
/// the connection and never answers (only the connect timeout ends the wait): every way into the database
/// must fail fast as <see cref="DatabaseUnavailableException"/> (the API's 503), never hang, and never show
/// the password. Needs no server, so it runs everywhere.
/// </summary>
[TestFixture(false, false, TestName = "{C}(refused)")]
[TestFixture(true, false, TestName = "{C}(refused, with retries)")]
[TestFixture(false, true, TestName = "{C}(silent)")]
internal sealed class SqlServerUnavailableTests(bool retry, bool silent)
{
    private const string Password = "N0t-This-Secret-Pa55word";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private ServiceProvider services = null!;
    private TcpListener? silentListener;
    private readonly List<TcpClient> heldConnections = [];

    [OneTimeSetUp]
    public void ConfigureAnUnansweringServer()
    {
        var port = silent ? StartSilentListener() : LoopbackPorts.Closed();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["ConnectionStrings:Imports"] = $"Server=tcp:127.0.0.1,{port};Database=imports;User ID=sa;Password={Password};Encrypt=False;Connect Timeout=30",
            ["Database:SqlServer:ConnectTimeoutSeconds"] = "2",
            ["Database:SqlServer:EnableRetry"] = retry ? "true" : "false",
            ["Database:SqlServer:RetryCount"] = "1",
            ["Database:SqlServer:RetryDelayMilliseconds"] = "100",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging().AddApplication(cursors => cursors.SigningKeys.Add(Support.TestDatabase.SigningKey)).AddInfrastructure(configuration);
                services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [OneTimeTearDown]
    public async Task DisposeServices()
    {
        await services.DisposeAsync();
        silentListener?.Stop();
        silentListener?.Dispose();
        foreach (var connection in heldConnections)
        {
            connection.Dispose();
        }
    }

    [Test]
    public Task Reading_a_page_is_unavailable() =>
        AssertUnavailableAsync(() => services.GetRequiredService<IImportPageReader>()
            .ReadPageAsync(new KeysetPageRequest(1, ImportListing.Default, null, 51, 500), CancellationToken.None));

    [Test]
    public Task Resolving_a_caller_is_unavailable() =>
        AssertUnavailableAsync(() => services.GetRequiredService<ICallerAccessReader>()
            .FindAsync(new byte[32], "acct-token", CancellationToken.None));

    [Test]
    public Task Migrating_is_unavailable_instead_of_hanging() =>
        AssertUnavailableAsync(() => services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None));

    [Test]
    public Task The_ready_probe_is_unavailable() =>
        AssertUnavailableAsync(() => ((IDatabaseProbe)services.GetRequiredService(typeof(IDatabaseProbe))).ProbeAsync(CancellationToken.None));

    [Test]
    public async Task The_ready_health_check_reports_unhealthy_without_connection_details()
    {
        var clock = Stopwatch.StartNew();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));

        Assert.That(clock.Elapsed, Is.LessThan(Deadline));
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(report.Entries["database"].Description, Does.Not.Contain(Password).And.Not.Contain("127.0.0.1"));
    }

    [Test]
    public async Task A_cancelled_request_is_cancelled_not_unavailable()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(
            async () => await services.GetRequiredService<IImportPageReader>().ReadPageAsync(new KeysetPageRequest(1, ImportListing.Default, null, 51, 500), cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static async Task AssertUnavailableAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();

        var exception = Assert.CatchAsync(() => action());

        Assert.That(clock.Elapsed, Is.LessThan(Deadline), "it waited far beyond the 2 s connect timeout");
        Assert.That(exception, Is.InstanceOf<DatabaseUnavailableException>(), exception?.ToString());
        Assert.That(exception!.Message, Does.Not.Contain(Password).And.Not.Contain("Password").And.Not.Contain("User ID"));
        Assert.That(exception.ToString(), Does.Not.Contain(Password), "nor anywhere in the inner exceptions");
    }

    /// <summary>Accepts every connection and never sends a byte, like a server that hangs during pre-login.</summary>
    private int StartSilentListener()
    {
        silentListener = new TcpListener(IPAddress.Loopback, 0);
        silentListener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await silentListener.AcceptTcpClientAsync();
                    lock (heldConnections)
                    {
                        heldConnections.Add(client);
                    }
                }
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException or InvalidOperationException)
            {
                // The listener was stopped.
            }
        });
        return ((IPEndPoint)silentListener.LocalEndpoint).Port;
    }
}
