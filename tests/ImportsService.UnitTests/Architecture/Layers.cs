using System.Reflection;
using ImportsService.Application;
using ImportsService.Domain.Imports;
using ImportsService.Infrastructure.Database;

namespace ImportsService.UnitTests.Architecture;

/// <summary>The four production assemblies and the namespaces that name them.</summary>
internal static class Layers
{
    public const string DomainNamespace = "ImportsService.Domain";
    public const string ApplicationNamespace = "ImportsService.Application";
    public const string InfrastructureNamespace = "ImportsService.Infrastructure";
    public const string ApiNamespace = "ImportsService.Api";

    public static Assembly Domain { get; } = typeof(Import).Assembly;

    public static Assembly Application { get; } = typeof(ApplicationServiceCollectionExtensions).Assembly;

    public static Assembly Infrastructure { get; } = typeof(DatabaseOptions).Assembly;

    public static Assembly Api { get; } = typeof(Program).Assembly;

    public static IReadOnlyList<Assembly> All { get; } = [Domain, Application, Infrastructure, Api];
}
