using System.Globalization;
using ImportsService.Api.Access;
using ImportsService.Api.Common;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace ImportsService.Api.Imports;

[ApiController]
[Route("api/v1/imports")]
[Authorize(Policy = AccessClaims.ReadImportsPolicy)]
[EnableRateLimiting(RateLimitingServiceCollectionExtensions.PerAccountPolicy)]
public sealed class ImportsController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// One page of the caller's imports. The query string is parsed by hand, not model-bound: the
    /// contract rejects unknown and repeated names, which model binding would silently drop.
    /// </summary>
    [HttpGet]
    [HttpHead]
    [Produces("application/json")]
    public async Task<ActionResult<ListImportsResponse>> List()
    {
        var accountId = long.Parse(User.FindFirst(AccessClaims.AccountId)!.Value, CultureInfo.InvariantCulture);
        var query = ListImportsQueryStringParser.Parse(accountId, Request.QueryString);
        var result = await mediator.Send(query, HttpContext.RequestAborted);
        if (HttpMethods.IsHead(Request.Method))
        {
            // Same status and headers as GET, no body (Kestrel would drop it; other servers may not).
            Response.ContentType = "application/json";
            return new EmptyResult();
        }

        return Ok(result.ToResponse());
    }
}
