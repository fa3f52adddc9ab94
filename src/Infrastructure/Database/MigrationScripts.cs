namespace ImportsService.Infrastructure.Database;

/// <summary>
/// The embedded migration scripts of one dialect, named as DbUp journals them: the resource name, which
/// starts with the dialect's journal prefix. A script is applied once per database under that name, so a
/// name must never change once released (the csproj pins them with <c>LogicalName</c>).
/// </summary>
internal static class MigrationScripts
{
    public static bool IsIn(string resourceName, string journalPrefix)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        return resourceName.StartsWith(journalPrefix, StringComparison.Ordinal);
    }

    /// <summary>The scripts under <paramref name="journalPrefix"/>, in the order DbUp applies them, with their text.</summary>
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
