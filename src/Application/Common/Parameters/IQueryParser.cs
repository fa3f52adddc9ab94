namespace ImportsService.Application.Common.Parameters;

/// <summary>
/// Marks a use case's parser: the service a transport calls to turn what a client sent into the use
/// case's request. <c>AddApplication</c> registers every one; it has no members because each use case's
/// parse takes its own inputs.
/// </summary>
#pragma warning disable CA1040 // A marker for registration by convention, on purpose.
public interface IQueryParser;
#pragma warning restore CA1040
