namespace ImportsService.Application.Common.Exceptions;

/// <summary>
/// What the request names does not exist for this caller. The API answers 404 with <see cref="Exception.Message"/>
/// as the detail, so the message must say the same whether the thing is missing or belongs to someone else.
/// </summary>
public sealed class NotFoundException(string message) : Exception(message);
