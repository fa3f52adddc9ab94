using ImportsService.Application.Imports.GetImport;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ImportsService.Api.Imports.GetImport;

[Route("api/v1/imports/{id}")]
[Tags(Tag)]
public sealed class GetImportController(IMediator mediator) : ImportsControllerBase
{
    /// <summary>One import of the caller's account.</summary>
    /// <param name="id">As text: a route constraint would turn a bad id into a 404 instead of the contract's 400.</param>
    [HttpGet(Name = GetImportOperation.Id)]
    [HttpHead]
    public async Task<ActionResult<ImportRecord>> Get(string id)
    {
        var query = GetImportQuery.Read(AccountId, id, SentParameters);
        return Answer(await mediator.Send(query, HttpContext.RequestAborted));
    }
}
