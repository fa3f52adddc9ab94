namespace ImportsService.Api;

/// <summary>
/// The content root, where <c>appsettings.json</c> is read from, is the application's own folder wherever the process
/// starts: <c>dotnet src/Api/bin/Release/net10.0/ImportsService.Api.dll</c> run from the repository root reads the
/// settings beside the dll, not whatever the working directory holds. A content root given explicitly (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>; the test host gives one) still wins. Relative paths in the
/// settings (the SQLite file) are unaffected: they are the working directory's, as before.
/// </summary>
public static class ApplicationFolder
{
    public static WebApplicationOptions BuilderOptions(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var given = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        return new WebApplicationOptions { Args = args, ContentRootPath = string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : null };
    }
}
