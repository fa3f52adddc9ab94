using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace ImportsService.Api.Tests.Common;

/// <summary>
/// Pages are compressed when the client's Accept-Encoding asks (gzip preferred, Brotli for clients that take only
/// Brotli), decompress to the very bytes an uncompressed request gets, and nothing changes for clients that do not ask.
/// </summary>
public sealed class ResponseCompressionTests
{
    private const string PagePath = ApiHost.ImportsPath + "?per_page=50";

    [TestCase("gzip", "gzip")]
    [TestCase("br", "br")]
    [TestCase("gzip, deflate, br", "gzip")]
    [TestCase("br;q=1.0, gzip;q=0.5", "br")]
    public async Task A_page_is_compressed_with_the_encoding_the_client_accepts_and_decompresses_to_the_same_bytes(string accept, string expected)
    {
        var plain = await GetAsync(PagePath, acceptEncoding: null);

        var (response, compressed) = await GetRawAsync(PagePath, accept);

        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { expected }));
            Assert.That(response.Headers.Vary, Does.Contain("Accept-Encoding"));
            Assert.That(compressed.Length, Is.LessThan(plain.Body.Length / 3), "a 50-record page shrinks to well under a third");
            Assert.That(Decompress(expected, compressed), Is.EqualTo(plain.Body));
        }
    }

    [Test]
    public async Task Without_accept_encoding_the_response_is_neither_compressed_nor_varied()
    {
        var (response, body) = await GetRawAsync(PagePath, acceptEncoding: null);

        using (response)
        {
            Assert.That(response.Content.Headers.ContentEncoding, Is.Empty);
            Assert.That(response.Headers.Vary, Does.Not.Contain("Accept-Encoding"));
            Assert.That(body[0], Is.EqualTo((byte)'{'));
        }
    }

    [Test]
    public async Task A_problem_response_is_compressed_too()
    {
        using var client = ApiHost.Client("not-a-key", "demo-account-token");
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.GetAsync(new Uri(ApiHost.ImportsPath, UriKind.Relative));
        var body = Decompress("gzip", await response.Content.ReadAsByteArrayAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
        Assert.That(System.Text.Encoding.UTF8.GetString(body), Does.Contain("\"status\":401"));
    }

    private static async Task<(HttpResponseMessage Response, byte[] Body)> GetRawAsync(string path, string? acceptEncoding)
    {
        using var client = ApiHost.DemoClient();
        if (acceptEncoding is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string path, string? acceptEncoding)
    {
        var (response, body) = await GetRawAsync(path, acceptEncoding);
        using (response)
        {
            return (response.StatusCode, body);
        }
    }

    private static byte[] Decompress(string encoding, byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using Stream decompressor = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }
}
