using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImportsService.Api.OpenApi;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Tests.OpenApi;

/// <summary>
/// The OpenAPI document's examples are real answers of the service over the demo data
/// (<see cref="RecordedExamples"/>). This sends each example's request and compares the answer with the
/// recorded one (traceId aside, which differs per request). With IMPORTS_RECORD_OPENAPI_EXAMPLES=1 it writes
/// the answers into src/Api/OpenApi/Examples instead: rebuild, and the document shows them.
/// </summary>
public sealed class OpenApiExamplesTests
{
    private static readonly bool Record = Environment.GetEnvironmentVariable("IMPORTS_RECORD_OPENAPI_EXAMPLES") == "1";

    private static readonly JsonSerializerOptions FileFormat = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<ExampleRequest> Examples() => RecordedExamples.Requests;

    [TestCaseSource(nameof(Examples))]
    public async Task The_recorded_example_is_what_the_service_answers(ExampleRequest example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var body = await AnswerAsync(example);

        if (Record)
        {
            var file = SourceTree.PathOf("src", "Api", "OpenApi", "Examples", example.Name + ".json");
            await File.WriteAllTextAsync(file, body.ToJsonString(FileFormat) + "\n");
            Assert.Pass($"Recorded {file}; rebuild to embed it.");
        }

        Assert.That(WithoutTraceId(body), Is.EqualTo(WithoutTraceId(RecordedExamples.Body(example.Name))),
            $"{example.Summary} answers differently from its recorded example: record again with IMPORTS_RECORD_OPENAPI_EXAMPLES=1.");
    }

    [Test]
    public void Every_file_in_the_examples_folder_is_an_example_the_document_uses()
    {
        var files = Directory.GetFiles(SourceTree.PathOf("src", "Api", "OpenApi", "Examples"), "*.json").Select(Path.GetFileNameWithoutExtension);

        Assert.That(files, Is.EquivalentTo(RecordedExamples.Requests.Select(r => r.Name)));
    }

    private static async Task<JsonNode> AnswerAsync(ExampleRequest example)
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
                using var admitted = await client.GetAsync(example.PathAndQuery);
                Assert.That(admitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }

            using var request = new HttpRequestMessage(new HttpMethod(example.Method), example.PathAndQuery);
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
