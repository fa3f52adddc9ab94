using ImportsService.Api.Imports.ListImports;
using ImportsService.Api.Imports;
using ImportsService.Application.Imports.Cursors;
using System.Net;
using System.Text.Json.Nodes;
using ImportsService.Api.OpenApi;
using ImportsService.Application.Common.Parameters;
using ImportsService.Application.Imports;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using ImportsService.Domain.Imports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ParameterLocation = Microsoft.OpenApi.ParameterLocation;

namespace ImportsService.Api.Tests.OpenApi;

/// <summary>
/// <c>GET /openapi/v1.json</c>: valid OpenAPI 3.1 (read back with Microsoft.OpenApi's reader), generated from
/// the parameter tables, and describing exactly what the service accepts and answers.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private const string ListPath = "/api/v1/imports";
    private const string GetPath = "/api/v1/imports/{id}";

    private static readonly HttpStatusCode[] ProblemStatuses =
    [
        HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed, HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable,
    ];

    private OpenApiDocument document = null!;
    private JsonObject json = null!;
    private string text = null!;

    [OneTimeSetUp]
    public async Task ReadTheDocument()
    {
        using var client = ApiHost.Client(null, null);
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "anonymous");
        text = await response.Content.ReadAsStringAsync();
        json = JsonNode.Parse(text)!.AsObject();

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        Assert.That(result.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? [], Is.Empty);
        Assert.That(result.Diagnostic?.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_1));
        document = result.Document!;
    }

    [Test]
    public void It_is_openapi_3_1_with_the_two_operations_and_no_others()
    {
        Assert.That(json["openapi"]!.GetValue<string>(), Does.StartWith("3.1."));
        Assert.That(document.Paths.Keys, Is.EquivalentTo(new[] { ListPath, GetPath }));
        Assert.That(document.Paths[ListPath].Operations!.Keys, Is.EqualTo(new[] { HttpMethod.Get }));
        Assert.That(document.Paths[GetPath].Operations!.Keys, Is.EqualTo(new[] { HttpMethod.Get }));
        Assert.That(Operation(ListPath).OperationId, Is.EqualTo("listImports"));
        Assert.That(Operation(GetPath).OperationId, Is.EqualTo("getImport"));
        Assert.That(document.Info.Version, Is.EqualTo("2024-01-01"), "the newest release");
    }

    [Test]
    public void The_list_takes_exactly_the_query_parameters_of_its_table_under_their_literal_names()
    {
        Assert.That(QueryParameters(ListPath).Select(p => p.Name), Is.EqualTo(ListImportsParameters.Table.QueryParameters.Select(p => p.Name)));
        Assert.That(QueryParameters(ListPath).Select(p => p.Name), Is.SupersetOf(new[]
        {
            "start_cursor", "next_cursor", "per_page", "filter[status][include]", "filter[created_at][gte]", "filter[updated_at][lt]", "sort[id]", "sort[updated_at]",
        }));
        Assert.That(QueryParameters(GetPath), Is.Empty);
        var id = Operation(GetPath).Parameters!.Single(p => p.In == ParameterLocation.Path);
        Assert.That(id.Name, Is.EqualTo(GetImportParameters.Id));
        Assert.That(id.Required, Is.True);
        Assert.That(id.Schema!.Type, Is.EqualTo(JsonSchemaType.Integer));
        Assert.That(id.Schema.Minimum, Is.EqualTo("1"));
    }

    [Test]
    public void Next_cursor_is_marked_as_a_synonym_of_start_cursor()
    {
        var nextCursor = (JsonObject)Parameters(json, ListPath).Single(p => p?["name"]?.GetValue<string>() == "next_cursor")!;

        Assert.That(nextCursor[ParameterSchemas.SynonymExtension]!.GetValue<string>(), Is.EqualTo("start_cursor"));
        Assert.That(nextCursor["description"]!.GetValue<string>(), Does.StartWith("Synonym of `start_cursor`."));
    }

    [Test]
    public void Enums_bounds_and_defaults_are_those_of_the_table()
    {
        var byName = QueryParameters(ListPath).ToDictionary(p => p.Name!);
        var perPage = byName["per_page"].Schema!;
        var statuses = byName["filter[status][include]"];

        Assert.That(perPage.Type, Is.EqualTo(JsonSchemaType.Integer));
        Assert.That(perPage.Minimum, Is.EqualTo(ListingLimits.MinPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(perPage.Maximum, Is.EqualTo(ListingLimits.MaxPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(perPage.Default!.GetValue<long>(), Is.EqualTo(ListingLimits.DefaultPerPage));
        Assert.That(statuses.Schema!.Type, Is.EqualTo(JsonSchemaType.Array));
        Assert.That(statuses.Explode, Is.False, "comma-separated");
        Assert.That(statuses.Schema.Items!.Enum!.Select(v => v.GetValue<string>()), Is.EqualTo(ImportStatusText.All));
        foreach (var sort in ListImportsParameters.SortKeys.Select(ListImportsParameters.SortParameter))
        {
            Assert.That(byName[sort].Schema!.Enum!.Select(v => v.GetValue<string>()), Is.EqualTo(new[] { "asc", "desc" }), sort);
        }

        var record = document.Components!.Schemas![nameof(ImportRecord)];
        Assert.That(record.Properties!["status"].Enum!.Select(v => v.GetValue<string>()), Is.EqualTo(ImportStatusText.All));
        Assert.That(record.Properties["id"].Type, Is.EqualTo(JsonSchemaType.Integer));
        Assert.That(record.Properties["completed_at"].Type, Is.EqualTo(JsonSchemaType.String | JsonSchemaType.Null));
    }

    [TestCaseSource(nameof(ListParameterNames))]
    public async Task Every_documented_list_parameter_is_one_the_parser_accepts(string name)
    {
        var parameter = QueryParameters(ListPath).Single(p => p.Name == name);
        var value = ValidValue(parameter.Schema!);

        var errors = Refused(name, value);
        using var client = ApiHost.DemoClient();
        using var response = await client.GetAsync($"{ListPath}?{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");

        Assert.That(errors, Is.Empty, $"{name}={value}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{name}={value}");
    }

    [TestCase("filter[status][exclude]")]
    [TestCase("sort[name]")]
    [TestCase("page")]
    [TestCase("Per_Page")]
    [TestCase("filter[created_at][eq]")]
    public void A_name_the_document_does_not_list_is_one_the_parser_refuses(string name)
    {
        Assert.That(QueryParameters(ListPath).Select(p => p.Name), Does.Not.Contain(name));
        Assert.That(Refused(name, "asc"), Does.Contain(name));
    }

    [Test]
    public void Both_authentication_headers_are_security_schemes_every_operation_requires()
    {
        var schemes = document.Components!.SecuritySchemes!;

        Assert.That(schemes[ApiDocument.TokenScheme].Type, Is.EqualTo(SecuritySchemeType.ApiKey));
        Assert.That(schemes[ApiDocument.TokenScheme].In, Is.EqualTo(ParameterLocation.Header));
        Assert.That(schemes[ApiDocument.TokenScheme].Name, Is.EqualTo("Authorization"));
        Assert.That(schemes[ApiDocument.TokenScheme].Description, Does.Contain("Token <api_key>").And.Contain("Bearer <api_key>"));
        Assert.That(schemes[ApiDocument.BearerScheme].Type, Is.EqualTo(SecuritySchemeType.Http));
        Assert.That(schemes[ApiDocument.BearerScheme].Scheme, Is.EqualTo("bearer"));
        Assert.That(schemes[ApiDocument.AccountTokenScheme].Type, Is.EqualTo(SecuritySchemeType.ApiKey));
        Assert.That(schemes[ApiDocument.AccountTokenScheme].Name, Is.EqualTo("Account-Token"));
        foreach (var path in new[] { ListPath, GetPath })
        {
            var requirements = Operation(path).Security!.Select(r => r.Keys.Select(k => k.Reference.Id).Order(StringComparer.Ordinal).ToArray()).ToArray();
            Assert.That(requirements, Is.EquivalentTo(new[] { new[] { "AccountToken", "Token" }, new[] { "AccountToken", "Bearer" } }), path);
        }
    }

    [Test]
    public void Every_operation_takes_x_api_version_and_every_response_names_the_release()
    {
        foreach (var path in new[] { ListPath, GetPath })
        {
            var version = Operation(path).Parameters!.Single(p => p.In == ParameterLocation.Header);
            Assert.That(version.Name, Is.EqualTo("X-Api-Version"));
            Assert.That(version.Schema!.Format, Is.EqualTo("date"));
            foreach (var (status, response) in Operation(path).Responses!)
            {
                Assert.That(response.Headers!.Keys, Does.Contain("X-Api-Version"), $"{path} {status}");
            }
        }
    }

    [Test]
    public void Every_status_is_described_with_its_body()
    {
        foreach (var path in new[] { ListPath, GetPath })
        {
            var responses = Operation(path).Responses!;
            var expected = new[] { "200", "400", "401", "403", "405", "429", "500", "503" }.Concat(path == GetPath ? ["404"] : []);
            Assert.That(responses.Keys, Is.EquivalentTo(expected), path);
            Assert.That(Schema(responses["200"], "application/json"), Is.EqualTo(path == ListPath ? nameof(ImportPage) : nameof(ImportRecord)));
            Assert.That(Schema(responses["400"], "application/json"), Is.EqualTo(ApiDocument.ValidationErrorsSchema));
            foreach (var status in ProblemStatuses.Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(path == GetPath ? ["404"] : []))
            {
                Assert.That(Schema(responses[status], "application/problem+json"), Is.EqualTo(ApiDocument.ProblemSchema), $"{path} {status}");
                Assert.That(responses[status].Headers!.ContainsKey("Retry-After"), Is.EqualTo(status is "429" or "503"), $"{path} {status}");
            }
        }

        var errors = document.Components!.Schemas![ApiDocument.ValidationErrorsSchema];
        Assert.That(errors.Required, Is.EquivalentTo(new[] { "errors" }));
        Assert.That(document.Components.Schemas[ApiDocument.ProblemSchema].Required, Is.SupersetOf(new[] { "status", "title", "detail", "instance" }));
    }

    [Test]
    public void The_examples_are_recorded_answers_shaped_like_their_schemas()
    {
        var page = Operation(ListPath).Responses!["200"].Content!["application/json"].Examples!.Values.Single().Value!.AsObject();
        var one = Operation(GetPath).Responses!["200"].Content!["application/json"].Examples!.Values.Single().Value!.AsObject();
        var schemas = document.Components!.Schemas!;

        Assert.That(page.Select(p => p.Key), Is.EquivalentTo(schemas[nameof(ImportPage)].Properties!.Keys));
        Assert.That(page["records"]!.AsArray().Select(r => r!.AsObject().Select(p => p.Key)), Has.All.EquivalentTo(schemas[nameof(ImportRecord)].Properties!.Keys));
        Assert.That(one.Select(p => p.Key), Is.EquivalentTo(schemas[nameof(ImportRecord)].Properties!.Keys));
        Assert.That(page.ToJsonString(), Is.EqualTo(new ListImportsOperation().OkExample.Body().ToJsonString()));
    }

    [Test]
    public void The_checked_in_client_was_generated_from_this_document()
    {
        var clientDocument = File.ReadAllText(SourceTree.PathOf("src", "Client", "openapi.json"));

        Assert.That(clientDocument.TrimEnd(), Is.EqualTo(text.TrimEnd()),
            "src/Client is generated from an older document: run dotnet cake --target=Client --accept-client=true and commit src/Client.");
    }

    private static IEnumerable<string> ListParameterNames() => ListImportsParameters.Table.QueryParameters.Select(p => p.Name);

    private OpenApiOperation Operation(string path) => document.Paths[path].Operations![HttpMethod.Get];

    private IEnumerable<IOpenApiParameter> QueryParameters(string path) => Operation(path).Parameters!.Where(p => p.In == ParameterLocation.Query);

    private static JsonArray Parameters(JsonObject root, string path) => root["paths"]![path]!["get"]!["parameters"]!.AsArray();

    private static string? Schema(IOpenApiResponse response, string mediaType) =>
        (response.Content![mediaType].Schema as OpenApiSchemaReference)?.Reference.Id;

    /// <summary>A value the parameter's schema allows: its default, its first enum value, its first example, or empty text (a cursor: the first page).</summary>
    private static string ValidValue(IOpenApiSchema schema) => schema switch
    {
        { Default: { } value } => value.ToJsonString(),
        { Enum: { Count: > 0 } values } => values[0]!.GetValue<string>(),
        { Items.Enum: { Count: > 0 } items } => string.Join(",", items.Take(2).Select(v => v!.GetValue<string>())),
        { Examples: { Count: > 0 } examples } => examples[0]!.GetValue<string>(),
        _ => string.Empty,
    };

    /// <summary>The parameter names the List Imports validator refuses in a request of this one parameter.</summary>
    private static IReadOnlyList<string> Refused(string name, string value)
    {
        var query = ListImportsQuery.Read(1, [new SentParameter(name, value)], ApiHost.Factory.Services.GetRequiredService<ImportCursorCodec>());
        return [.. ApiHost.Factory.Services.GetRequiredService<FluentValidation.IValidator<ListImportsQuery>>().Validate(query).Errors.Select(e => e.PropertyName)];
    }
}
