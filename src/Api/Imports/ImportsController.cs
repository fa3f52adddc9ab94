using System.Globalization;
using ImportsService.Api.Access;
using ImportsService.Api.Versioning;
using ImportsService.Application.Imports.GetImport;
using ImportsService.Application.Imports.ListImports;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImportsService.Api.Imports;

/// <summary>
/// The imports endpoints. Each action hands what the client sent (the raw query string, route values as
/// text) to its use case's parser, sends the parsed query through the mediator and maps the result by
/// hand, in the wire format of the release that answers (<c>X-Api-Version</c>). Nothing is model-bound: the contract rejects unknown and repeated names, which model binding
/// would silently drop.
/// </summary>
[ApiController]
[Route("api/v1/imports")]
[Authorize(Policy = AccessClaims.ReadImportsPolicy)]
[Produces("application/json")]
public sealed class ImportsController(IMediator mediator, ImportsWireFormats wireFormats) : ControllerBase
{
    /// <summary>One page of the caller's imports.</summary>
    [HttpGet]
    [HttpHead]
    public async Task<ActionResult<ListImportsResponse>> List([FromServices] ListImportsQueryParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var query = parser.Parse(AccountId, SentParameters.FromQueryString(Request.QueryString));
        var result = await mediator.Send(query, HttpContext.RequestAborted);
        return Answer(WireFormat.ListImports(result));
    }

    /// <summary>One import of the caller's account.</summary>
    [HttpGet("{id}")]
    [HttpHead("{id}")]
    public async Task<ActionResult<ImportResponse>> Get(string id, [FromServices] GetImportQueryParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        var query = parser.Parse(AccountId, id, SentParameters.FromQueryString(Request.QueryString));
        var result = await mediator.Send(query, HttpContext.RequestAborted);
        return Answer(WireFormat.GetImport(result));
    }

    private IImportsWireFormat WireFormat => wireFormats.For(HttpContext.ApiRelease());

    private long AccountId => long.Parse(User.FindFirst(AccessClaims.AccountId)!.Value, CultureInfo.InvariantCulture);

    /// <summary>200 with the body; for HEAD the same status and headers without it (Kestrel would drop it; other servers may not).</summary>
    private ActionResult Answer(object body)
    {
        if (HttpMethods.IsHead(Request.Method))
        {
            Response.ContentType = "application/json";
            return new EmptyResult();
        }

        return Ok(body);
    }
}
