using System.IO.Compression;
using BenchmarkDotNet.Attributes;

namespace ImportsService.Benchmarks;

/// <summary>
/// The CPU a list page costs to compress, per algorithm and level, on pages recorded from the service (the demo
/// account, 50 and 100 records: Pages/*.json). The compressed size of each is printed at set-up; both go into
/// docs/performance.md, which says why the service compresses at the levels it does.
/// </summary>
[MemoryDiagnoser]
public class CompressionBenchmarks
{
    private byte[] page = [];

    [Params("list-imports-50.json", "list-imports-100.json")]
    public string Page { get; set; } = "list-imports-50.json";

    [Params("gzip", "br")]
    public string Algorithm { get; set; } = "gzip";

    [Params(CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.SmallestSize)]
    public CompressionLevel Level { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        page = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Pages", Page));
        Console.WriteLine($"// {Page} {Algorithm} {Level}: {page.Length} bytes -> {Compress().Length} bytes");
    }

    [Benchmark]
    public byte[] Compress()
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = Algorithm == "br" ? new BrotliStream(buffer, Level) : new GZipStream(buffer, Level))
        {
            compressor.Write(page);
        }

        return buffer.ToArray();
    }
}
