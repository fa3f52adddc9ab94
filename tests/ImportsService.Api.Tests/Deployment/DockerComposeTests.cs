using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ImportsService.Api.Tests.Deployment;

/// <summary>
/// docker-compose.yml runs the service as production runs it: Production, no demo data, no secret in the file,
/// a cursor key and pepper generated once into a volume. (No Docker engine here: the file is read, and the
/// secret generator's script is run with the shell it names.)
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly string[] ApiServices = ["api-1", "api-2"];

    [Test]
    public void Every_api_replica_runs_production_with_secrets_from_the_generated_volume()
    {
        var services = Services();

        foreach (var name in ApiServices)
        {
            var service = (YamlMappingNode)services[name];
            var environment = (YamlMappingNode)service["environment"];
            var variables = environment.Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
            var entrypoint = string.Join(' ', ((YamlSequenceNode)service["entrypoint"]).Children.Select(c => c.ToString()));

            Assert.That(variables["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Production"), name);
            Assert.That(variables.Keys, Has.None.StartsWith("Cursors__").And.None.StartsWith("ApiKeys__"), $"{name}: no secret written in the file");
            Assert.That(entrypoint, Does.Contain("Cursors__SigningKeys__0=\"$$(cat /run/imports-secrets/cursor-signing-key)\""), name);
            Assert.That(entrypoint, Does.Contain("ApiKeys__Pepper__0=\"$$(cat /run/imports-secrets/api-key-pepper)\""), name);
            Assert.That(((YamlMappingNode)service["depends_on"]).Children.Keys.Select(k => k.ToString()), Does.Contain("secrets"), name);
        }
    }

    [Test]
    public void Nothing_is_seeded_and_sql_server_is_pinned_to_amd64()
    {
        var text = File.ReadAllText(ComposeFile());
        var services = Services();

        Assert.That(text, Does.Not.Contain("Development"));
        Assert.That(((YamlMappingNode)services["sqlserver"])["platform"].ToString(), Is.EqualTo("linux/amd64"));
    }

    [Test]
    public async Task The_secret_generator_writes_each_secret_once_and_keeps_it()
    {
        if (!File.Exists("/bin/sh"))
        {
            Assert.Ignore("No /bin/sh to run the generator's script with.");
        }

        var service = (YamlMappingNode)Services()["secrets"];
        var script = ((YamlSequenceNode)service["command"]).Children[2].ToString().Replace("$$", "$", StringComparison.Ordinal);
        var directory = Directory.CreateTempSubdirectory("imports-compose-secrets-");
        try
        {
            var local = script.Replace("/run/imports-secrets", directory.FullName, StringComparison.Ordinal);
            await RunShAsync(local);
            var first = Directory.GetFiles(directory.FullName).ToDictionary(file => Path.GetFileName(file), File.ReadAllText, StringComparer.Ordinal);
            await RunShAsync(local);
            var second = Directory.GetFiles(directory.FullName).ToDictionary(file => Path.GetFileName(file), File.ReadAllText, StringComparer.Ordinal);

            Assert.That(first.Keys, Is.EquivalentTo(new[] { "cursor-signing-key", "api-key-pepper" }));
            Assert.That(first.Values, Has.All.Length.GreaterThanOrEqualTo(64), "64 random bytes in base64, more than the 32 bytes each secret needs");
            Assert.That(first["cursor-signing-key"], Is.Not.EqualTo(first["api-key-pepper"]));
            Assert.That(second, Is.EqualTo(first), "a restart keeps the secrets, so cursors and keys stay valid");
        }
        finally
        {
            foreach (var file in Directory.GetFiles(directory.FullName))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            directory.Delete(recursive: true);
        }
    }

    private static async Task RunShAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, error);
    }

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ComposeFile());
        // The replicas take their settings from the x-api anchor through `<<:`: resolve the merge keys.
        yaml.Load(new YamlDotNet.Core.MergingParser(new YamlDotNet.Core.Parser(reader)));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static string ComposeFile()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docker-compose.yml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docker-compose.yml was not found above the test directory.");
    }
}
