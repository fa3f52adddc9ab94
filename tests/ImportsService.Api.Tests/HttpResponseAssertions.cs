using System.Net;
using System.Text.Json;

namespace ImportsService.Api.Tests;

internal static class HttpResponseAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the contract's members, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string instance)
    {
        var body = await response.ReadJsonAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(status));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(body.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("detail").GetString(), Is.Not.Empty);
            Assert.That(body.GetProperty("instance").GetString(), Is.EqualTo(instance));
            Assert.That(body.GetProperty("traceId").GetString(), Is.Not.Empty);
        }

        return body;
    }

    /// <summary>Asserts the contract's 400 and returns its <c>errors</c> object.</summary>
    public static async Task<JsonElement> AssertValidationErrorsAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body.ToString());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "errors" }));
        return body.GetProperty("errors");
    }

    public static string[] ErrorKeys(this JsonElement errors) => errors.EnumerateObject().Select(p => p.Name).ToArray();
}
