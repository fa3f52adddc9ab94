using System.Globalization;
using System.Net;
using System.Text.Json;
using ImportsService.Api.Logging;
using ImportsService.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Serilog;
using Serilog.Core;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace ImportsService.Api.Tests.Common;

public sealed class LogSafetyTests
{
    private const string Page = $"{ApiHost.ImportsPath}?per_page=2";
    private const string FailureLine = "Authentication failed for client";

    [Test]
    public async Task Control_characters_in_a_path_are_logged_escaped_and_cannot_forge_a_line()
    {
        var written = await LogsOfUnknownPathAsync("/api/v1/imports%0A[12:00:00 INF] forged%1B[31mred%E2%80%A8");

        Assert.That(written, Does.Contain(@"/api/v1/imports\u000a[12:00:00 INF] forged\u001b[31mred\u2028"));
        // Ordinal: under ICU a culture-aware search finds an ignorable control character anywhere.
        Assert.That(written.Contains("\n[12:00:00 INF] forged", StringComparison.Ordinal), Is.False);
        Assert.That(written.IndexOfAny(['\u001b', '\u2028']), Is.EqualTo(-1));
    }

    [Test]
    public async Task Format_characters_in_a_path_are_logged_escaped_so_a_line_cannot_be_reordered()
    {
        var written = await LogsOfUnknownPathAsync("/api/v1/%E2%80%AEtxt.exe%E2%81%A6x%E2%81%A9%E2%80%8B%EF%BB%BF%F3%A0%80%81");

        Assert.That(written, Does.Contain(@"/api/v1/\u202etxt.exe\u2066x\u2069\u200b\ufeff\udb40\udc01"));
        Assert.That(written.IndexOfAny(['\u202e', '\u2066', '\u2069', '\u200b', '\ufeff', '\udb40']), Is.EqualTo(-1));
    }

    [Test]
    public void Escaping_leaves_letters_beyond_ascii_alone_but_not_format_characters()
    {
        Assert.That(ControlCharacterEscaper.Escape("/imports/café-😀-日本"), Is.EqualTo("/imports/café-😀-日本"));
        Assert.That(ControlCharacterEscaper.Escape("a\u00adb\u061cc\u2067d\u2068e"), Is.EqualTo(@"a\u00adb\u061cc\u2067d\u2068e"));
    }

    [Test]
    public void Escaping_leaves_ordinary_text_alone_and_marks_a_literal_backslash_u()
    {
        Assert.That(ControlCharacterEscaper.Escape("/api/v1/imports/42"), Is.EqualTo("/api/v1/imports/42"));
        Assert.That(ControlCharacterEscaper.Escape("a\r\nb\tc\u007fd"), Is.EqualTo(@"a\u000d\u000ab\u0009c\u007fd"));
        Assert.That(ControlCharacterEscaper.Escape("\\u000a\n"), Is.EqualTo(@"\\u000a\u000a"));
    }

    [Test]
    public async Task Authentication_failures_are_one_warning_per_client_address_per_interval()
    {
        var logs = new LogCapture();
        await using var host = Host(logs, configure: services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From("198.51.100.1");
        using var otherGuesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host).From("198.51.100.2");

        for (var i = 0; i < 5; i++)
        {
            using var refused = await guesser.GetAsync(Page);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var other = await otherGuesser.GetAsync(Page);

        var written = logs.Rendered();
        Assert.That(Occurrences(written, FailureLine), Is.EqualTo(2), written);
        Assert.That(written, Does.Contain($"{FailureLine} \"198.51.100.1\"").And.Contain($"{FailureLine} \"198.51.100.2\""));
        Assert.That(written, Does.Contain("The API key is not valid"));
        // The framework's own line per failure is not written.
        Assert.That(written, Does.Not.Contain("was not authenticated"));
        Assert.That(written, Does.Not.Contain("guessed-key"));
    }

    [Test]
    public async Task The_next_line_after_the_interval_says_how_many_were_not_logged()
    {
        var logs = new LogCapture();
        await using var host = Host(logs, ("RequestLogging:AuthenticationFailureIntervalSeconds", "1"));
        using var guesser = ApiHost.Client("guessed-key", DemoTenants.DemoAccountToken, host);

        for (var i = 0; i < 4; i++)
        {
            (await guesser.GetAsync(Page)).Dispose();
        }

        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        (await guesser.GetAsync(Page)).Dispose();

        var written = logs.Rendered();
        Assert.That(Occurrences(written, FailureLine), Is.EqualTo(2), written);
        Assert.That(written, Does.Contain("(0 more failures").And.Contain("(3 more failures"));
    }

    [TestCase("Production", null, typeof(CompactJsonFormatter))]
    [TestCase("Staging", null, typeof(CompactJsonFormatter))]
    [TestCase("Development", null, typeof(MessageTemplateTextFormatter))]
    [TestCase("Production", "Text", typeof(MessageTemplateTextFormatter))]
    [TestCase("Development", "json", typeof(CompactJsonFormatter))]
    public void The_console_format_is_compact_json_outside_development(string environment, string? format, Type expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [LoggingExtensions.ConsoleFormatKey] = format })
            .Build();

        var formatter = LoggingExtensions.ConsoleFormatter(configuration, new HostingEnvironment { EnvironmentName = environment });

        Assert.That(formatter, Is.InstanceOf(expected));
    }

    [Test]
    public void An_unknown_console_format_is_refused()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [LoggingExtensions.ConsoleFormatKey] = "xml" })
            .Build();

        Assert.That(() => LoggingExtensions.ConsoleFormatter(configuration, new HostingEnvironment { EnvironmentName = "Production" }),
            Throws.InvalidOperationException.With.Message.Contains("Json or Text"));
    }

    [TestCase("Production")]
    [TestCase("Development")]
    public void One_event_with_client_text_is_one_line_in_either_format(string environment)
    {
        var formatter = LoggingExtensions.ConsoleFormatter(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = environment });
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using (var logger = new LoggerConfiguration().Enrich.With<ControlCharacterEscaper>().WriteTo.Sink(new FormatterSink(formatter, output)).CreateLogger())
        {
            logger.Information("HTTP {RequestMethod} {RequestPath} responded {StatusCode}", "GET", "/x\n{\"@l\":\"Fatal\"}\u001b[2J", 404);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output.ToString());
        Assert.That(lines[0].IndexOf('\u001b', StringComparison.Ordinal), Is.EqualTo(-1));
        if (environment == "Production")
        {
            using var json = JsonDocument.Parse(lines[0]);
            Assert.That(json.RootElement.GetProperty("RequestPath").GetString(), Is.EqualTo("/x\\u000a{\"@l\":\"Fatal\"}\\u001b[2J"));
            Assert.That(json.RootElement.TryGetProperty("@l", out _), Is.False, "Information has no level member in CLEF");
        }
    }

    /// <summary>What the service logs for a request to <paramref name="path"/>, a path it does not serve.</summary>
    private static async Task<string> LogsOfUnknownPathAsync(string path)
    {
        var logs = new LogCapture();
        await using var host = Host(logs);
        using var client = ApiHost.Client(DemoTenants.DemoApiKey, DemoTenants.DemoAccountToken, host);

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        return logs.Rendered();
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static ImportsApiFactory Host(LogCapture logs, params (string Key, string Value)[] settings) => Host(logs, configure: null, settings);

    private static ImportsApiFactory Host(LogCapture logs, Action<IServiceCollection>? configure, params (string Key, string Value)[] settings)
    {
        var all = settings.ToDictionary(s => s.Key, s => s.Value);
        all["Serilog:MinimumLevel:Default"] = "Information";
        return new ImportsApiFactory(ApiHost.DatabasePath, settings: all, configureServices: services =>
        {
            services.AddSingleton<ILogEventSink>(logs);
            configure?.Invoke(services);
        });
    }

    private sealed class FormatterSink(Serilog.Formatting.ITextFormatter formatter, TextWriter output) : ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => formatter.Format(logEvent, output);
    }
}
