namespace ImportsService.Api;

/// <summary>
/// Finds what each use case's folder declares for the shared code to use (its response formats, OpenAPI description,
/// JSON metadata), so a new slice is registered by being there: no list of slices to edit.
/// </summary>
internal static class SliceDiscovery
{
    /// <summary>Every concrete class of the Api assembly assignable to <typeparamref name="TService"/>.</summary>
    public static IEnumerable<Type> ConcreteTypes<TService>() =>
        typeof(SliceDiscovery).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(TService).IsAssignableFrom(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

    /// <summary>Registers every concrete <typeparamref name="TService"/> of the Api assembly as a singleton of that service.</summary>
    public static IServiceCollection AddSliceSingletons<TService>(this IServiceCollection services)
        where TService : class
    {
        foreach (var type in ConcreteTypes<TService>())
        {
            services.AddSingleton(typeof(TService), type);
        }

        return services;
    }
}
