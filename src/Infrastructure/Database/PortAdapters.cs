using System.Reflection;
using ImportsService.Application;
using Microsoft.Extensions.DependencyInjection;

namespace ImportsService.Infrastructure.Database;

/// <summary>
/// How a dialect finds its adapters: every concrete class that implements a port (an interface of the Application
/// assembly) and whose constructor takes the dialect's connection factory, wherever its folder. A use case's adapters
/// live in its slice folder, so a new slice registers itself and no list grows.
/// </summary>
internal static class PortAdapters
{
    public static Assembly PortAssembly { get; } = typeof(ApplicationServiceCollectionExtensions).Assembly;

    /// <summary>Each port with its one adapter among <paramref name="types"/> that takes <paramref name="connectionFactory"/>.</summary>
    public static IReadOnlyList<(Type Port, Type Adapter)> Of(Type connectionFactory, IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(connectionFactory);
        var pairs = types
            .Where(type => type is { IsClass: true, IsAbstract: false } && Takes(type, connectionFactory))
            .SelectMany(type => type.GetInterfaces().Where(IsPort).Select(port => (Port: port, Adapter: type)))
            .OrderBy(pair => pair.Port.FullName, StringComparer.Ordinal)
            .ToArray();

        var ambiguous = pairs.GroupBy(pair => pair.Port).Where(group => group.Count() > 1).ToArray();
        if (ambiguous.Length > 0)
        {
            throw new InvalidOperationException(
                $"{connectionFactory.Name} has more than one adapter for {string.Join(", ", ambiguous.Select(group => $"{group.Key.Name} ({string.Join(", ", group.Select(pair => pair.Adapter.Name))})"))}.");
        }

        return pairs;
    }

    /// <summary>Registers, as singletons, the adapters of the Infrastructure assembly that take <typeparamref name="TConnectionFactory"/>.</summary>
    public static IServiceCollection AddPortAdapters<TConnectionFactory>(this IServiceCollection services)
    {
        foreach (var (port, adapter) in Of(typeof(TConnectionFactory), typeof(PortAdapters).Assembly.GetTypes()))
        {
            services.AddSingleton(port, adapter);
        }

        return services;
    }

    private static bool IsPort(Type type) => type.IsInterface && type.Assembly == PortAssembly;

    private static bool Takes(Type type, Type connectionFactory) =>
        type.GetConstructors().Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == connectionFactory));
}
