// Build and test ImportsService: dotnet tool restore && dotnet cake [--target=Test|CI|OpenApi|Client] [--configuration=Release]
// Targets: Clean -> Restore -> Build -> Test; CI runs the whole chain in Release and leaves
// artifacts/test-summary.txt with the one line "N passed, N failed, N skipped", then OpenApi and Client.
// OpenApi: runs the built service, writes its /openapi/v1.json to artifacts/openapi/v1.json and lints it with
//   Spectral (npx @stoplight/spectral-cli, .spectral.yaml); without npx, or when Spectral cannot be installed,
//   that step is reported as skipped with the reason.
// Client: regenerates src/Client (openapi.json + Kiota's Generated/) from that document and fails when the
//   checked-in files differ; --accept-client=true keeps the regenerated files instead (then commit them).
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

const string SpectralPackage = "@stoplight/spectral-cli@6.16.3";
var openApiDocument = artifacts + Directory("openapi") + File("v1.json");

Task("OpenApiDocument")
    .IsDependentOn("Build")
    .Does(() =>
{
    EnsureDirectoryExists(artifacts + Directory("openapi"));
    var json = FetchOpenApiDocument($"./src/Api/bin/{configuration}/net10.0/ImportsService.Api.dll", artifacts + Directory("openapi"));
    System.IO.File.WriteAllText(openApiDocument.Path.FullPath, json);
    Information($"Wrote {openApiDocument.Path.FullPath} ({json.Length} characters).");
});

Task("OpenApi")
    .IsDependentOn("OpenApiDocument")
    .Does(() =>
{
    if (!ToolOnPath("npx"))
    {
        Warning("Skipped the Spectral lint of the OpenAPI document: npx (Node.js/npm) is not installed.");
        return;
    }

    // A CI machine may have npm but no way to install Spectral: say so and go on; a document that fails the lint is red.
    var (installed, installOutput) = Run("npx", $"--yes {SpectralPackage} --version");
    if (installed != 0)
    {
        Warning($"Skipped the Spectral lint of the OpenAPI document: {SpectralPackage} could not be installed or run (exit {installed}): {LastLines(installOutput)}");
        return;
    }

    var (linted, lintOutput) = Run("npx", $"--yes {SpectralPackage} lint \"{openApiDocument.Path.FullPath}\" --ruleset .spectral.yaml --fail-severity warn");
    Information(lintOutput);
    if (linted != 0)
    {
        throw new CakeException($"Spectral found problems in the OpenAPI document (exit {linted}).");
    }
});

Task("Client")
    .IsDependentOn("OpenApiDocument")
    .Does(() =>
{
    var client = Directory("./src/Client");
    var before = Snapshot(client);
    System.IO.File.Copy(openApiDocument.Path.FullPath, (client + File("openapi.json")).Path.FullPath, overwrite: true);

    // Relative paths, from the repository root, so the lock file names the same description on every machine.
    var (generated, output) = Run("dotnet", "kiota generate --language CSharp --openapi src/Client/openapi.json --output src/Client/Generated " +
        "--class-name ImportsApiClient --namespace-name ImportsService.Client.Generated --exclude-backward-compatible --clean-output --log-level Warning",
        new Dictionary<string, string> { ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true" });
    Information(LastLines(output));
    if (generated != 0)
    {
        throw new CakeException($"Kiota failed (exit {generated}).");
    }

    var log = client + Directory("Generated") + File(".kiota.log");
    if (FileExists(log))
    {
        DeleteFile(log);
    }

    var after = Snapshot(client);
    var changed = before.Keys.Union(after.Keys)
        .Where(path => !before.TryGetValue(path, out var old) || !after.TryGetValue(path, out var now) || old != now)
        .OrderBy(path => path, StringComparer.Ordinal)
        .ToArray();
    if (changed.Length == 0)
    {
        Information("The checked-in client is what the OpenAPI document generates.");
        return;
    }

    var message = $"The checked-in client differs from what the OpenAPI document generates ({changed.Length} file(s)): {string.Join(", ", changed.Take(10))}";
    if (Argument("accept-client", false))
    {
        Warning(message + ". Kept the regenerated files: review and commit src/Client.");
        return;
    }

    throw new CakeException(message + ". The regenerated files are in the work tree: review and commit them, or fix the service.");
});

Task("CI")
    .IsDependentOn("Test")
    .IsDependentOn("OpenApi")
    .IsDependentOn("Client");

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

/// <summary>
/// Starts the built service on a free loopback port (Production settings, a throw-away SQLite file and cursor
/// key), reads GET /openapi/v1.json, and stops it.
/// </summary>
static string FetchOpenApiDocument(string apiDll, string workFolder)
{
    var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();

    var start = new System.Diagnostics.ProcessStartInfo("dotnet", $"\"{System.IO.Path.GetFullPath(apiDll)}\"")
    {
        WorkingDirectory = System.IO.Path.GetFullPath("./src/Api"),
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
    start.Environment["ConnectionStrings__Imports"] = $"Data Source={System.IO.Path.GetFullPath(System.IO.Path.Combine(workFolder, "service.db"))}";
    start.Environment["Cursors__SigningKeys__0"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    start.Environment["ApiKeys__Pepper__0"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
    start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

    var log = new System.Text.StringBuilder();
    using var service = new System.Diagnostics.Process { StartInfo = start };
    service.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
    service.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
    service.Start();
    service.BeginOutputReadLine();
    service.BeginErrorReadLine();
    try
    {
        using var http = new System.Net.Http.HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (service.HasExited)
            {
                throw new Exception($"The service stopped (exit {service.ExitCode}) before it answered:{Environment.NewLine}{log}");
            }

            try
            {
                using var response = http.GetAsync("/openapi/v1.json").GetAwaiter().GetResult();
                var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n";
                }

                throw new Exception($"GET /openapi/v1.json answered {(int)response.StatusCode}: {text}");
            }
            catch (System.Net.Http.HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(250);
            }
        }
    }
    finally
    {
        if (!service.HasExited)
        {
            service.Kill(entireProcessTree: true);
            service.WaitForExit();
        }
    }
}

/// <summary>Runs a program to its end; returns its exit code and everything it printed.</summary>
static (int ExitCode, string Output) Run(string program, string arguments, IDictionary<string, string>? environment = null)
{
    var start = new System.Diagnostics.ProcessStartInfo(program, arguments)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    foreach (var (name, value) in environment ?? new Dictionary<string, string>())
    {
        start.Environment[name] = value;
    }

    var output = new System.Text.StringBuilder();
    using var process = new System.Diagnostics.Process { StartInfo = start };
    process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
    process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
    try
    {
        process.Start();
    }
    catch (System.ComponentModel.Win32Exception exception)
    {
        return (-1, exception.Message);
    }

    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    process.WaitForExit();
    return (process.ExitCode, output.ToString());
}

static bool ToolOnPath(string name) =>
    (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => System.IO.File.Exists(System.IO.Path.Combine(folder, name)) || System.IO.File.Exists(System.IO.Path.Combine(folder, name + ".cmd")));

static string LastLines(string text, int count = 15) =>
    string.Join(Environment.NewLine, text.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).TakeLast(count));

/// <summary>Every file under the folder (bin and obj aside) with the SHA-256 of its text, line endings normalised.</summary>
static Dictionary<string, string> Snapshot(string folder)
{
    var root = System.IO.Path.GetFullPath(folder);
    return System.IO.Directory.EnumerateFiles(root, "*", System.IO.SearchOption.AllDirectories)
        .Select(path => System.IO.Path.GetRelativePath(root, path).Replace('\\', '/'))
        .Where(path => !path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal) && !path.EndsWith(".kiota.log", StringComparison.Ordinal))
        .ToDictionary(
            path => path,
            path => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(System.IO.Path.Combine(root, path)).Replace("\r\n", "\n")))),
            StringComparer.Ordinal);
}
