using System.Text.Json;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ImportsService.Api.Tests.Docs;

/// <summary>
/// Just enough of the Chrome DevTools Protocol to open a page in headless Chromium, wait (in real time) until
/// its DOM holds what a test expects, and take a screenshot: a page that renders after its scripts have
/// fetched and laid out data needs a wait on a condition, not a fixed budget. It also keeps what the page wrote to
/// the console and every Content-Security-Policy violation the page reported.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process process;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentQueue<string> console = new();
    private int nextId;

    // Runs before any script of each page (CDP-injected scripts are not subject to the page's CSP).
    private const string RecordCspViolations =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    private HeadlessChromium(Process process) => this.process = process;

    /// <summary>Hosts Chromium itself calls in the background (updates, accounts, time); never a page's.</summary>
    public static IReadOnlyList<string> OwnHosts { get; } = ["clients2.google.com", "update.googleapis.com", "accounts.google.com", "redirector.gvt1.com"];

    /// <summary>Chromium from CHROMIUM_PATH or the PATH (chromium, chromium-browser, google-chrome), or null.</summary>
    public static string? Find() =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH") }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
                .SelectMany(folder => new[] { "chromium", "chromium-browser", "google-chrome" }.Select(name => Path.Combine(folder, name))))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Starts Chromium with a fresh profile in <paramref name="work"/>, every host but 127.0.0.1 unresolvable,
    /// a net log of every request it makes at <paramref name="netLog"/>, and one blank page to drive.
    /// </summary>
    public static async Task<HeadlessChromium> StartAsync(string executable, string work, string netLog, CancellationToken cancellationToken)
    {
        var profile = Path.Combine(work, "profile");
        var start = new ProcessStartInfo(
            executable,
            "--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-background-networking --disable-component-update " +
            $"--disable-sync --disable-default-apps --window-size=1440,2700 --user-data-dir={profile} --log-net-log={netLog} " +
            "--host-resolver-rules=\"MAP * ~NOTFOUND , EXCLUDE 127.0.0.1\" --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 about:blank")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var chromium = new HeadlessChromium(Process.Start(start)!);
        chromium.process.OutputDataReceived += (_, _) => { };
        chromium.process.ErrorDataReceived += (_, _) => { };
        chromium.process.BeginOutputReadLine();
        chromium.process.BeginErrorReadLine();

        // Chromium writes the port it chose (and the browser's path) into the profile once it listens.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile, cancellationToken)).Length < 2)
        {
            if (chromium.process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with {chromium.process.ExitCode} before it listened.");
            }

            await Task.Delay(100, cancellationToken);
        }

        var port = (await File.ReadAllLinesAsync(portFile, cancellationToken))[0].Trim();
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken))!.AsArray();
        var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!;
        await chromium.socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), cancellationToken);
        await chromium.SendAsync("Runtime.enable", new JsonObject(), cancellationToken);
        await chromium.SendAsync("Log.enable", new JsonObject(), cancellationToken);
        await chromium.SendAsync("Page.enable", new JsonObject(), cancellationToken);
        await chromium.SendAsync("Page.addScriptToEvaluateOnNewDocument", new JsonObject { ["source"] = RecordCspViolations }, cancellationToken);
        return chromium;
    }

    /// <summary>Console messages, log entries and uncaught exceptions seen so far, as "level: text".</summary>
    public IReadOnlyCollection<string> ConsoleMessages => console;

    /// <summary>The Content-Security-Policy violations the current page has reported.</summary>
    public async Task<string[]> CspViolationsAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "JSON.stringify(window.__cspViolations ?? ['not recorded'])", ["returnByValue"] = true }, cancellationToken);
        return JsonSerializer.Deserialize<string[]>(result["result"]?["value"]?.GetValue<string>() ?? "[]") ?? [];
    }

    public Task NavigateAsync(Uri url, CancellationToken cancellationToken) =>
        SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);

    /// <summary>The page's DOM as HTML, as it is now.</summary>
    public async Task<string> DomAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.documentElement.outerHTML", ["returnByValue"] = true }, cancellationToken);
        return result["result"]?["value"]?.GetValue<string>() ?? string.Empty;
    }

    /// <summary>Polls the DOM until <paramref name="done"/> holds or <paramref name="timeout"/> passes; returns the last DOM.</summary>
    public async Task<string> WaitForDomAsync(Func<string, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var dom = await DomAsync(cancellationToken);
            if (done(dom) || deadline.Elapsed > timeout)
            {
                return dom;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await SendAsync("Browser.close", new JsonObject(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception exception) when (exception is WebSocketException or TimeoutException or InvalidOperationException)
        {
            // Closing the browser closes the socket under our feet; the process is stopped below either way.
        }

        socket.Dispose();
        if (!process.WaitForExit(5_000))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>Keeps the console's events: console.* calls, browser log entries (CSP reports among them), uncaught exceptions.</summary>
    private void Record(JsonNode message)
    {
        var parameters = message["params"];
        switch (message["method"]?.GetValue<string>())
        {
            case "Runtime.consoleAPICalled":
                var arguments = parameters?["args"]?.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString() ?? string.Empty);
                console.Enqueue($"{parameters?["type"]}: {string.Join(' ', arguments ?? [])}");
                break;
            case "Log.entryAdded":
                console.Enqueue($"{parameters?["entry"]?["level"]}: {parameters?["entry"]?["text"]}");
                break;
            case "Runtime.exceptionThrown":
                console.Enqueue($"exception: {parameters?["exceptionDetails"]?["exception"]?["description"] ?? parameters?["exceptionDetails"]?["text"]}");
                break;
        }
    }

    /// <summary>Sends one command and returns its result, recording the events that arrive meanwhile.</summary>
    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = ++nextId;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var received = new MemoryStream();
            WebSocketReceiveResult part;
            do
            {
                part = await socket.ReceiveAsync(buffer, cancellationToken);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"Chromium closed the connection during {method}.");
                }

                received.Write(buffer, 0, part.Count);
            }
            while (!part.EndOfMessage);

            var reply = JsonNode.Parse(received.ToArray())!;
            if (reply["id"]?.GetValue<int>() != id)
            {
                Record(reply);
                continue;
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }

            return reply["result"] ?? new JsonObject();
        }
    }
}
