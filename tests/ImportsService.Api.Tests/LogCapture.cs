using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ImportsService.Api.Tests;

/// <summary>
/// A Serilog sink a test registers in the host's services (the API reads sinks from DI), to see every
/// event as a sink would write it: message, properties and exception.
/// </summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events() => [.. events];

    public string Rendered() => string.Join(
        Environment.NewLine,
        events.Select(e => $"{e.RenderMessage(CultureInfo.InvariantCulture)} {string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}"));
}
