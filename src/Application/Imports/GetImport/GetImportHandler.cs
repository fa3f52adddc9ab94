using ImportsService.Application.Common.Exceptions;
using MediatR;

namespace ImportsService.Application.Imports.GetImport;

/// <summary>
/// Reads one import of the caller's account. A missing import and another account's import are the same
/// <see cref="NotFoundException"/>: the reader cannot tell them apart, so neither can the client.
/// </summary>
internal sealed class GetImportHandler(IImportReader reader) : IRequestHandler<GetImportQuery, GetImportResult>
{
    public const string NotFoundMessage = "No import with this id exists in the account named by the Account-Token header.";

    public async Task<GetImportResult> Handle(GetImportQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var import = await reader.FindAsync(request.AccountId, request.ImportId, cancellationToken)
                     ?? throw new NotFoundException(NotFoundMessage);
        return new GetImportResult(import);
    }
}
