using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ImportsService.Api.Tests.OpenApi;
using ImportsService.Infrastructure.Seeding;
using ImportsService.Tests.Shared;

namespace ImportsService.Api.Tests.Slices;

/// <summary>
/// A new query is a copy of a use case's folders (docs/adding-a-query.md): this copies Get Import's under another name
/// with scripts/copy-use-case.sh, in a copy of src/ where nothing else is edited, builds it, runs it, and asks the copy's
/// route what the original answers. It proves no central list, switch or interface has to grow for a new use case.
/// </summary>
[NonParallelizable]
public sealed class CopiedUseCaseTests
{
    private const string CopyRoute = "api/v1/found-imports/{id}";

    private static string workspace = null!;
    private static Process? service;
    private static HttpClient client = null!;

    [OneTimeSetUp]
    public static async Task CopyBuildAndStartAsync()
    {
        workspace = Directory.CreateTempSubdirectory("imports-copy-").FullName;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            File.Copy(SourceTree.PathOf(file), Path.Combine(workspace, file));
        }

        CopyTree(SourceTree.PathOf("src"), Path.Combine(workspace, "src"));
        CopyTree(SourceTree.PathOf("scripts"), Path.Combine(workspace, "scripts"));

        await RunAsync("bash", "scripts/copy-use-case.sh", "GetImport", "FindImport", CopyRoute);
        var output = Path.Combine(workspace, "out");
        await RunAsync("dotnet", "build", "src/Api", "-c", "Release", "-o", output, "-p:UseSharedCompilation=false", "-nodeReuse:false");

        var port = LoopbackPorts.Closed();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "ImportsService.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Imports"] = $"Data Source={Path.Combine(workspace, "imports.db")}";
        service = Process.Start(start)!;
        service.OutputDataReceived += (_, _) => { };
        service.ErrorDataReceived += (_, _) => { };
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();

        client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var live = await client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 120 && !service.HasExited)
            {
            }

            await Task.Delay(250);
        }
    }

    [OneTimeTearDown]
    public static void StopAndDelete()
    {
        client?.Dispose();
        if (service is { HasExited: false })
        {
            service.Kill(entireProcessTree: true);
            service.WaitForExit();
        }

        service?.Dispose();
        Directory.Delete(workspace, recursive: true);
    }

    [Test]
    public async Task The_copy_answers_on_its_own_route_exactly_what_the_original_answers()
    {
        foreach (var (id, status) in new[] { ("998", HttpStatusCode.OK), ("abc", HttpStatusCode.BadRequest), ("999999999", HttpStatusCode.NotFound) })
        {
            var (originalStatus, original) = await GetAsync($"/api/v1/imports/{id}");
            var (copyStatus, copy) = await GetAsync($"/api/v1/found-imports/{id}");

            Assert.That((originalStatus, copyStatus), Is.EqualTo((status, status)), id);
            Assert.That(WithoutRequestDetails(copy), Is.EqualTo(WithoutRequestDetails(original)), id);
        }
    }

    [Test]
    public async Task The_copy_is_authenticated_like_every_imports_endpoint()
    {
        using var anonymous = await client.GetAsync("/api/v1/found-imports/998");

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task The_copy_is_documented_as_an_operation_of_its_own_beside_the_original()
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        Assert.That(paths["/api/v1/found-imports/{id}"]?["get"]?["operationId"]?.GetValue<string>(), Is.EqualTo("findImport"));
        Assert.That(paths["/api/v1/imports/{id}"]?["get"]?["operationId"]?.GetValue<string>(), Is.EqualTo("getImport"));
        Assert.That(paths["/api/v1/found-imports/{id}"]!["get"]!["responses"]!.AsObject().Select(r => r.Key),
            Is.EqualTo(paths["/api/v1/imports/{id}"]!["get"]!["responses"]!.AsObject().Select(r => r.Key)));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Authorization", $"Token {DemoTenants.DemoApiKey}");
        request.Headers.Add("Account-Token", DemoTenants.DemoAccountToken);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The body without what names the request itself (the problem's instance path and trace id).</summary>
    private static string WithoutRequestDetails(JsonNode body)
    {
        var copy = body.DeepClone();
        if (copy is JsonObject problem)
        {
            problem.Remove("instance");
            problem.Remove("traceId");
        }

        return copy.ToJsonString();
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories).Where(d => !IsBuildOutput(d)))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f) && !f.EndsWith(".db", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static async Task RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', args)}:\n{await stdout}\n{await stderr}");
    }
}
