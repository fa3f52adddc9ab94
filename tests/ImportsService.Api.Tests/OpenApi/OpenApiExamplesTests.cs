using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImportsService.Api.OpenApi;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document's examples are real answers of the service over the demo data (<see cref="RecordedExample"/>):
/// each example's request is sent and the answer compared with the recorded one (traceId aside, which differs per
/// request). <see cref="Record_every_example"/>, run by hand, writes the answers into the Examples folders instead.
/// </summary>
public sealed class OpenApiExamplesTests
{
    private static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every example the document shows: the shared ones, then each operation's own, with the operation's id.</summary>
    public static IEnumerable<TestCaseData> Examples() =>
        RecordedExamples.All.Select(e => new TestCaseData(e, null).SetArgDisplayNames(e.Name))
            .Concat(Operations().SelectMany(op => ExamplesOf(op).Select(e => new TestCaseData(e, op.OperationId).SetArgDisplayNames(e.Name))));

    [TestCaseSource(nameof(Examples))]
    public async Task The_recorded_example_is_what_the_service_answers(RecordedExample example, string? operationId)
    {
        ArgumentNullException.ThrowIfNull(example);
        var body = await AnswerAsync(example, RouteOf(operationId));

        Assert.That(WithoutTraceId(body), Is.EqualTo(WithoutTraceId(example.Body())),
            $"{example.Summary(RouteOf(operationId))} answers differently from its recorded example: run {nameof(Record_every_example)} and rebuild.");
    }

    [Test]
    [Explicit("Writes the examples into src/Api: run it by hand after a change of an answer, then rebuild and review the diff.")]
    public async Task Record_every_example()
    {
        foreach (var data in Examples())
        {
            var (example, operationId) = ((RecordedExample)data.Arguments[0]!, (string?)data.Arguments[1]);
            var body = await AnswerAsync(example, RouteOf(operationId));
            await File.WriteAllTextAsync(FileOf(example), body.ToJsonString(FileFormat) + "\n");
        }
    }

    [Test]
    public void Every_file_in_an_examples_folder_is_an_example_the_document_uses()
    {
        var files = Directory.GetFiles(SourceTree.PathOf("src", "Api"), "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Examples")
            .Select(Path.GetFullPath);

        Assert.That(files, Is.EquivalentTo(Examples().Select(data => Path.GetFullPath(FileOf((RecordedExample)data.Arguments[0]!)))));
    }

    private static IEnumerable<IOperationDescription> Operations() =>
        typeof(IOperationDescription).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOperationDescription).IsAssignableFrom(t))
            .Select(t => (IOperationDescription)Activator.CreateInstance(t)!);

    private static IEnumerable<RecordedExample> ExamplesOf(IOperationDescription operation) =>
        [operation.OkExample, operation.BadRequestExample, .. operation.Problems.Select(p => p.Example)];

    /// <summary>The route template of the operation, as ApiExplorer describes it; null for the shared examples.</summary>
    private static string? RouteOf(string? operationId) =>
        operationId is null
            ? null
            : ApiHost.Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
                .SelectMany(g => g.Items)
                .Single(d => d.ActionDescriptor.AttributeRouteInfo?.Name == operationId).RelativePath;

    /// <summary>The source file of the example: <c>Examples/&lt;name&gt;.json</c> in its owner's folder (namespace below ImportsService.Api).</summary>
    private static string FileOf(RecordedExample example) =>
        SourceTree.PathOf(["src", "Api", .. example.Owner.Namespace!["ImportsService.Api.".Length..].Split('.'), "Examples", example.Name + ".json"]);

    private static async Task<JsonNode> AnswerAsync(RecordedExample example, string? route)
    {
        ImportsApiFactory? host = example.Status switch
        {
            429 => new ImportsApiFactory(ApiHost.DatabasePath, settings: new Dictionary<string, string>
            {
                ["RateLimiting:PermitsPerWindow"] = "1",
                ["RateLimiting:WindowSeconds"] = "60",
            }),
            500 => Production(new ThrowingPageReader(new InvalidOperationException("An unexpected failure."))),
            503 => Production(new ThrowingPageReader(new DatabaseUnavailableException("The database did not answer.", new TimeoutException()))),
            _ => null,
        };
        try
        {
            var (key, account) = example.Credentials switch
            {
                ExampleCredentials.None => ((string?)null, (string?)null),
                ExampleCredentials.NoAccess => (DemoTenants.NoAccessApiKey, DemoTenants.DemoAccountToken),
                _ => (DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken),
            };
            using var client = ApiHost.Client(key, account, host);
            if (example.Status == 429)
            {
                using var admitted = await client.GetAsync(example.PathAndQuery(route));
                Assert.That(admitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            using var request = new HttpRequestMessage(new HttpMethod(example.Method), example.PathAndQuery(route));
            if (example.ApiVersion is { } version)
            {
                request.Headers.Add("X-Api-Version", version);
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(example.Status), text);
            return JsonNode.Parse(text)!;
        }
        finally
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static ImportsApiFactory Production(IImportPageReader reader) => new(
        ApiHost.DatabasePath,
        environment: "Production",
        settings: new Dictionary<string, string> { ["Cursors:SigningKeys:0"] = ImportsApiFactory.ProductionSigningKey },
        pageReader: reader);

    private static string WithoutTraceId(JsonNode body)
    {
        var copy = body.DeepClone();
        if (copy is JsonObject problem && problem.ContainsKey("traceId"))
        {
            problem["traceId"] = "(any)";
        }

        return copy.ToJsonString();
    }

    private sealed class ThrowingPageReader(Exception exception) : IImportPageReader
    {
        public Task<KeysetPage> ReadPageAsync(KeysetPageRequest request, CancellationToken cancellationToken) => Task.FromException<KeysetPage>(exception);
    }
}
