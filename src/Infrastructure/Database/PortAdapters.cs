using System.Reflection;
using ImportsService.Application;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Database;

/// <summary>
/// How a dialect registers its adapters: every concrete class in the dialect's namespace that implements a
/// port (an interface declared in the Application assembly) is that dialect's adapter for the port, and is
/// registered as a singleton. A new query therefore adds one adapter file per dialect and touches no list.
/// </summary>
internal static class PortAdapters
{
    /// <summary>The assembly that declares the ports.</summary>
    public static Assembly PortAssembly { get; } = typeof(ApplicationServiceCollectionExtensions).Assembly;

    /// <summary>Each port implemented in <paramref name="dialectNamespace"/> (or below it) with its one adapter.</summary>
    public static IReadOnlyList<(Type Port, Type Adapter)> In(string dialectNamespace)
    {
        ArgumentException.ThrowIfNullOrEmpty(dialectNamespace);
        var pairs = typeof(PortAdapters).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && IsIn(type, dialectNamespace))
            .SelectMany(type => type.GetInterfaces().Where(IsPort).Select(port => (Port: port, Adapter: type)))
            .OrderBy(pair => pair.Port.FullName, StringComparer.Ordinal)
            .ToArray();

        var ambiguous = pairs.GroupBy(pair => pair.Port).Where(group => group.Count() > 1).ToArray();
        if (ambiguous.Length > 0)
        {
            throw new InvalidOperationException(
                $"{dialectNamespace} has more than one adapter for {string.Join(", ", ambiguous.Select(group => $"{group.Key.Name} ({string.Join(", ", group.Select(pair => pair.Adapter.Name))})"))}.");
        }

        return pairs;
    }

    /// <summary>Registers every adapter of the dialect whose types live in <paramref name="dialectNamespace"/>.</summary>
    public static IServiceCollection AddPortAdapters(this IServiceCollection services, string dialectNamespace)
    {
        foreach (var (port, adapter) in In(dialectNamespace))
        {
            services.AddSingleton(port, adapter);
        }

        return services;
    }

    private static bool IsPort(Type type) => type.IsInterface && type.Assembly == PortAssembly;

    private static bool IsIn(Type type, string dialectNamespace) =>
        type.Namespace is { } ns && (ns == dialectNamespace || ns.StartsWith(dialectNamespace + ".", StringComparison.Ordinal));
}
