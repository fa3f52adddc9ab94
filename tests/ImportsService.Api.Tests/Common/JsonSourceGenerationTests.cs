using ImportsService.Api.Imports.ListImports;
using System.Text.Json;
using ImportsService.Api.Errors;
using ImportsService.Api.Json;
using ImportsService.Api.Imports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Tests.Common;

/// <summary>The response bodies are written with compile-time JSON metadata, not reflection.</summary>
public sealed class JsonSourceGenerationTests
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSerializerOptions Generated = WithGeneratedFirst();

    [Test]
    public void Mvc_results_and_WriteAsJsonAsync_resolve_the_bodies_from_the_generated_context_first()
    {
        var mvc = ApiHost.Factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions;
        var http = ApiHost.Factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        foreach (var options in new[] { mvc, http })
        {
            Assert.That(options.TypeInfoResolverChain[0], Is.InstanceOf<System.Text.Json.Serialization.JsonSerializerContext>());
            Assert.That(options.GetTypeInfo(typeof(ImportPage)).OriginatingResolver, Is.InstanceOf<ListImportsJsonContext>(), "the list's own context");
            foreach (var type in new[] { typeof(ImportRecord), typeof(ValidationErrorsResponse) })
            {
                Assert.That(options.GetTypeInfo(type).OriginatingResolver, Is.InstanceOf<System.Text.Json.Serialization.JsonSerializerContext>(), type.Name);
            }
        }
    }

    [Test]
    public void The_400_is_written_from_the_generated_context_with_the_escaping_encoder()
    {
        var typeInfo = ValidationErrorsResponse.EscapedJson;

        Assert.That(typeInfo.OriginatingResolver, Is.InstanceOf<ApiJsonContext>());
        Assert.That(typeInfo.Options.Encoder, Is.SameAs(System.Text.Encodings.Web.JavaScriptEncoder.Default));
    }

    [Test]
    public void The_generated_metadata_writes_what_reflection_writes()
    {
        var record = new ImportRecord(1, null, "a.csv", "10", null, "vehicles", "new", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z");
        var page = new ImportPage("s", null, 2, 1,
            [new Dictionary<string, object> { ["status"] = new Dictionary<string, object> { ["include"] = "new" } }],
            [new Dictionary<string, string> { ["id"] = "desc" }],
            [record]);
        Assert.That(JsonSerializer.Serialize(page, Generated), Is.EqualTo(JsonSerializer.Serialize(page, Reflection)));
    }

    private static JsonSerializerOptions WithGeneratedFirst()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        options.TypeInfoResolverChain.Insert(0, ListImportsJsonContext.Default);
        options.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        return options;
    }
}
