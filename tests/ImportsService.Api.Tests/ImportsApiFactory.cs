using ImportsService.Application.Imports.ListImports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImportsService.Api.Tests;

/// <summary>
/// The real service on a SQLite file of its own. Development by default, so start-up migrates and seeds
/// the demo tenants; settings and a page reader can be swapped in for the cases that need them.
/// </summary>
internal sealed class ImportsApiFactory(
    string databasePath,
    string environment = "Development",
    IReadOnlyDictionary<string, string>? settings = null,
    IImportPageReader? pageReader = null,
    Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    public const string ProductionSigningKey = "tests-only-production-cursor-signing-key-0123456789";

    /// <summary>
    /// The API key pepper of every host outside Development (which has its own in appsettings.Development.json), so
    /// those hosts start; a test that wants none sets <c>ApiKeys:Pepper:0</c> to an empty string.
    /// </summary>
    public const string ProductionPepper = "tests-only-production-api-key-pepper-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Imports", $"Data Source={databasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (environment != "Development")
        {
            builder.UseSetting("ApiKeys:Pepper:0", ProductionPepper);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (pageReader is not null)
            {
                services.RemoveAll<IImportPageReader>();
                services.AddSingleton(pageReader);
            }

            configureServices?.Invoke(services);
        });
    }
}
