namespace ImportsService.Api.Cli;

/// <summary>
/// What a verb runs with: the application's services, asked for only when the verb runs (help and bad arguments
/// are answered without them), its stdout for the result and its stderr for everything else.
/// </summary>
internal sealed class VerbContext(Func<IServiceProvider> services, TextWriter output, TextWriter error, bool outputIsTerminal)
{
    public IServiceProvider Services => services();

    /// <summary>The verb's result only (<c>KEY=$(… keys create …)</c> captures it); logs go to stderr.</summary>
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Whether <see cref="Output"/> is a terminal: seed progress is then one line rewritten in place.</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;
}
