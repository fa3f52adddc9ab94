using System.Globalization;
using ImportsService.Api.Access;
using ImportsService.Api.Versioning;
using ImportsService.Application.Common.Parameters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace ImportsService.Api.Imports;

/// <summary>
/// What every imports endpoint shares: the Token scheme's ReadImports policy, JSON, the account the caller may read,
/// the query string exactly as sent, and the body written in the format of the release that answers. Nothing is
/// model-bound: the contract rejects unknown and repeated names, which model binding would silently drop.
/// </summary>
[ApiController]
[Authorize(Policy = AccessClaims.ReadImportsPolicy)]
[Produces("application/json")]
public abstract class ImportsControllerBase : ControllerBase
{
    /// <summary>The OpenAPI tag of every imports operation (MVC would tag each by its controller's name).</summary>
    public const string Tag = "Imports";

    /// <summary>The account the caller may read, from authentication.</summary>
    protected long AccountId => long.Parse(User.FindFirst(AccessClaims.AccountId)!.Value, CultureInfo.InvariantCulture);

    /// <summary>
    /// The query string's decoded pairs, in order, names exact. Read from the raw query string, not
    /// <see cref="IQueryCollection"/>, which merges names that differ only in case (<c>Sort[ID]</c> is an unknown name here).
    /// </summary>
    protected IReadOnlyList<SentParameter> SentParameters => ParametersOf(Request.QueryString);

    internal static IReadOnlyList<SentParameter> ParametersOf(QueryString queryString)
    {
        var sent = new List<SentParameter>();
        foreach (var pair in new QueryStringEnumerable(queryString.Value))
        {
            sent.Add(new SentParameter(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return sent;
    }

    /// <summary>
    /// 200 with <paramref name="result"/> written by the format of the answering release; for HEAD the same status and
    /// headers without the body (Kestrel would drop it; other servers may not).
    /// </summary>
    protected ActionResult Answer<TResult>(TResult result)
    {
        if (HttpMethods.IsHead(Request.Method))
        {
            Response.ContentType = "application/json";
            return new EmptyResult();
        }

        var formats = HttpContext.RequestServices.GetRequiredService<ResponseFormats>();
        return Ok(formats.For<TResult>(HttpContext.ApiRelease()).Write(result));
    }
}
