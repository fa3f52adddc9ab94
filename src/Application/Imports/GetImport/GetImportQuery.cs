using ImportsService.Application.Common.Parameters;
using MediatR;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>
/// One import of the caller's account by its id, already parsed: <see cref="GetImportQueryParser"/> builds
/// it from what the client sent, <see cref="GetImportQueryValidator"/> reports any <see cref="ParameterErrors"/>,
/// <see cref="GetImportHandler"/> reads the import.
/// </summary>
/// <param name="AccountId">The account the caller may read (from authentication, never from the client).</param>
public sealed record GetImportQuery(long AccountId, long ImportId) : IRequest<GetImportResult>, IParsedRequest
{
    public IReadOnlyList<ParameterError> ParameterErrors { get; init; } = [];
}
