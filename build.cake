// Build and test ImportsService: dotnet tool restore && dotnet cake [--target=Test|CI] [--configuration=Release]
// Targets: Clean -> Restore -> Build -> Test; CI runs the whole chain in Release and leaves
// artifacts/test-summary.txt with the one line "N passed, N failed, N skipped".
#nullable enable
using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = target == "CI" ? "Release" : Argument("configuration", "Release");

const string Solution = "./ImportsService.sln";
var artifacts = Directory("./artifacts");
var testResults = artifacts + Directory("test-results");
var summaryFile = artifacts + File("test-summary.txt");

Task("Clean")
    .Does(() =>
{
    CleanDirectory(artifacts);
    DotNetClean(Solution, new DotNetCleanSettings { Configuration = configuration, Verbosity = DotNetVerbosity.Minimal });
});

Task("Restore")
    .IsDependentOn("Clean")
    .Does(() =>
{
    DotNetRestore(Solution);
});

Task("Build")
    .IsDependentOn("Restore")
    .Does(() =>
{
    DotNetBuild(Solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    // Old TRX files would be counted again.
    CleanDirectory(testResults);
    EnsureDirectoryExists(artifacts);
    if (FileExists(summaryFile))
    {
        DeleteFile(summaryFile);
    }

    // The README's test command, `dotnet test ImportsService.sln`, plus the configuration just built and a TRX logger.
    string? runFailure = null;
    try
    {
        DotNetTest(Solution, new DotNetTestSettings
        {
            Configuration = configuration,
            Loggers = { "trx" },
            ResultsDirectory = testResults,
        });
    }
    catch (Exception exception)
    {
        // Failing tests make dotnet test exit non-zero; count them from the TRX files before failing the build.
        runFailure = exception.Message;
    }

    var trxFiles = GetFiles($"{testResults}/**/*.trx");
    var testProjects = GetFiles("./tests/**/*Tests.csproj");
    var counts = CountTrxResults(trxFiles);
    var summary = $"{counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped";
    foreach (var (reason, tests) in SkipReasons(trxFiles))
    {
        // A skipped test is never silent: say why, once per reason.
        Information($"Skipped {tests} test(s): {reason}");
    }

    System.IO.File.WriteAllText(summaryFile.Path.FullPath, summary + Environment.NewLine);
    Information(summary);

    if (counts.Failed > 0)
    {
        throw new CakeException($"{counts.Failed} test(s) failed.");
    }

    // TRX names carry only the second a run ended; two projects ending together could share a file.
    if (trxFiles.Count < testProjects.Count)
    {
        throw new CakeException($"{testProjects.Count} test projects but {trxFiles.Count} TRX files: some results were lost.");
    }

    if (counts.Passed == 0)
    {
        throw new CakeException("No test ran.");
    }

    if (runFailure is not null)
    {
        throw new CakeException($"dotnet test failed although no test failed: {runFailure}");
    }
});

Task("CI")
    .IsDependentOn("Test");

RunTarget(target);

/// <summary>The distinct messages of tests that did not run, with how many tests each covers.</summary>
static IEnumerable<(string Reason, int Tests)> SkipReasons(IEnumerable<FilePath> trxFiles) =>
    trxFiles
        .SelectMany(file => XDocument.Load(file.FullPath).Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        .Where(result => (string?)result.Attribute("outcome") == "NotExecuted")
        .Select(result => result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim() ?? "(no reason given)")
        .GroupBy(reason => reason)
        .Select(group => (group.Key, group.Count()));

/// <summary>
/// Sums the &lt;Counters&gt; of every TRX file. Errors, time-outs and aborts count as failures; skipped is
/// whatever else the total holds (not executed, inconclusive, ...), so no test disappears from the line.
/// </summary>
static (int Passed, int Failed, int Skipped) CountTrxResults(IEnumerable<FilePath> trxFiles)
{
    int total = 0, passed = 0, failed = 0;
    foreach (var file in trxFiles)
    {
        var counters = XDocument.Load(file.FullPath).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters")
            ?? throw new InvalidOperationException($"{file.FullPath} has no <Counters>.");
        int Count(string name) => int.TryParse((string?)counters.Attribute(name), out var value) ? value : 0;
        total += Count("total");
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
    }

    return (passed, failed, Math.Max(0, total - passed - failed));
}
