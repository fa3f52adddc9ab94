using ImportsService.Application.Imports.Cursors;
using ImportsService.Application.Imports.ListImports;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ImportsService.Api.Imports.ListImports;

[Route("api/v1/imports")]
[Tags(Tag)]
public sealed class ListImportsController(IMediator mediator, ImportCursorCodec cursors) : ImportsControllerBase
{
    /// <summary>One page of the caller's imports.</summary>
    [HttpGet(Name = ListImportsOperation.Id)]
    [HttpHead]
    public async Task<ActionResult<ImportPage>> List()
    {
        var query = ListImportsQuery.Read(AccountId, SentParameters, cursors);
        return Answer(await mediator.Send(query, HttpContext.RequestAborted));
    }
}
