using ImportsService.Application;
using ImportsService.Application.Access.ResolveCaller;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.SqlServer;
using ImportsService.Infrastructure.Sqlite;
using ImportsService.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.IntegrationTests.Conventions;

/// <summary>
/// Every port the Application declares (a public interface in a use-case folder that the Application does not implement
/// itself, as it does ICursorKeyRing) has exactly one adapter in each dialect (a class whose constructor takes that
/// dialect's connection factory), and the service provider built for each provider resolves the port to that adapter.
/// Nothing connects: the SQL Server provider is built against a server that is never asked.
/// </summary>
internal sealed class PortAdapterTests
{
    private static readonly Type[] ApplicationTypes = typeof(ApplicationServiceCollectionExtensions).Assembly.GetTypes();

    private static readonly Type[] Ports = typeof(ApplicationServiceCollectionExtensions).Assembly.GetExportedTypes()
        .Where(type => type.IsInterface && IsUseCaseFolder(type.Namespace))
        .Where(type => !ApplicationTypes.Any(t => t is { IsClass: true, IsAbstract: false } && type.IsAssignableFrom(t)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToArray();

    private static readonly Type[] InfrastructureTypes = typeof(InfrastructureServiceCollectionExtensions).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false })
        .ToArray();

    private static readonly Dictionary<string, Type> ConnectionFactories = new(StringComparer.Ordinal)
    {
        ["Sqlite"] = typeof(SqliteConnectionFactory),
        ["SqlServer"] = typeof(SqlServerConnectionFactory),
    };

    public static IEnumerable<string> Dialects() => ConnectionFactories.Keys;

    [Test]
    public void The_ports_are_the_interfaces_of_the_use_case_folders()
    {
        Assert.That(Ports, Is.SupersetOf(new[] { typeof(IImportPageReader), typeof(ICallerAccessReader), typeof(IImportReader) }));
        Assert.That(Ports.Select(p => p.Namespace), Has.None.Contains(".Common"));
    }

    [TestCaseSource(nameof(Dialects))]
    public void Every_port_has_exactly_one_adapter_in_the_dialect(string dialect)
    {
        foreach (var port in Ports)
        {
            var adapters = AdaptersOf(port).Where(type => InDialect(type, dialect)).Select(type => type.FullName).ToArray();

            Assert.That(adapters, Has.Length.EqualTo(1), $"{dialect} adapters of {port.Name}: [{string.Join(", ", adapters)}]");
        }
    }

    [Test]
    public void Every_adapter_takes_exactly_one_dialects_connection_factory_so_the_convention_registers_it()
    {
        var stray = Ports.SelectMany(AdaptersOf).Where(type => Dialects().Count(dialect => InDialect(type, dialect)) != 1).Select(type => type.FullName);

        Assert.That(stray, Is.Empty);
    }

    /// <summary>A slice's adapter is found by its port and its connection factory, whatever its namespace: a copied slice registers itself.</summary>
    [Test]
    public void An_adapter_is_found_wherever_it_lives()
    {
        var found = PortAdapters.Of(typeof(SqliteConnectionFactory), [typeof(CopiedImportReader), typeof(SqliteConnectionFactory)]);

        Assert.That(found, Is.EqualTo(new[] { (typeof(IImportReader), typeof(CopiedImportReader)) }));
        Assert.That(PortAdapters.Of(typeof(SqlServerConnectionFactory), [typeof(CopiedImportReader)]), Is.Empty);
    }

    [TestCaseSource(nameof(Dialects))]
    public async Task Every_port_resolves_to_the_dialects_adapter_from_the_built_service_provider(string dialect)
    {
        await using var services = Build(dialect);
        await using var scope = services.CreateAsyncScope();

        foreach (var port in Ports)
        {
            var adapter = scope.ServiceProvider.GetRequiredService(port);

            Assert.That(adapter.GetType(), Is.EqualTo(AdaptersOf(port).Single(type => InDialect(type, dialect))), port.Name);
        }
    }

    private static ServiceProvider Build(string dialect)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = dialect,
            ["ConnectionStrings:Imports"] = dialect == "Sqlite"
                ? "Data Source=never-opened.db"
                : "Server=tcp:127.0.0.1,1;Database=imports;User ID=sa;Password=never-used;Encrypt=False",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging()
            .AddApplication(cursors => cursors.SigningKeys.Add(TestDatabase.SigningKey))
            .AddInfrastructure(configuration);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IEnumerable<Type> AdaptersOf(Type port) => InfrastructureTypes.Where(port.IsAssignableFrom);

    private static bool InDialect(Type type, string dialect) =>
        type.GetConstructors().Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == ConnectionFactories[dialect]));

    /// <summary><c>ImportsService.Application.&lt;Module&gt;.&lt;UseCase&gt;</c>, e.g. <c>Imports.ListImports</c>; not <c>Common.*</c>.</summary>
    private static bool IsUseCaseFolder(string? ns) =>
        ns?.Split('.') is ["ImportsService", "Application", var module, _] && module != "Common";

    /// <summary>An adapter in a folder (here, a class) that no convention names.</summary>
    private sealed class CopiedImportReader(SqliteConnectionFactory connections) : IImportReader
    {
        public SqliteConnectionFactory Connections { get; } = connections;

        public Task<Import?> FindAsync(long accountId, long importId, CancellationToken cancellationToken) => Task.FromResult<Import?>(null);
    }
}
