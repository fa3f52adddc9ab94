namespace ImportsService.Api.Tests.OpenApi;

/// <summary>The repository the tests were built from (the folder that holds ImportsService.sln).</summary>
internal static class SourceTree
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ImportsService.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ImportsService.sln was not found above the test directory.");
    }
}
