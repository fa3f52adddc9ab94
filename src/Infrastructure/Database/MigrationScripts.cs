namespace ImportsService.Infrastructure.Database;

/// <summary>
/// A dialect's embedded scripts under the resource names DbUp journals them by. A script runs once per name, so a name
/// never changes once released (the csproj pins them with <c>LogicalName</c>).
/// </summary>
internal static class MigrationScripts
{
    public static bool IsIn(string resourceName, string journalPrefix)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        return resourceName.StartsWith(journalPrefix, StringComparison.Ordinal);
    }

    /// <summary>In the order DbUp applies them.</summary>
    public static IReadOnlyList<(string Name, string Contents)> Read(string journalPrefix)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => IsIn(name, journalPrefix))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name, reader.ReadToEnd());
            })
            .ToArray();
    }
}
