namespace ImportsService.Api.Errors;

/// <summary>
/// The <c>type</c> of every problem: a link to the section of the RFC that defines its status code, in the
/// form ASP.NET Core itself uses (<c>https://tools.ietf.org/html/rfc9110#section-15.5.2</c> for 401;
/// RFC 6585 for 429 and 431). A status without a section of its own links its class (15.5 client errors,
/// 15.6 server errors). The status alone says what went wrong; the detail says what to do.
/// </summary>
public static class ProblemTypes
{
    private const string Rfc9110 = "https://tools.ietf.org/html/rfc9110#section-";
    private const string Rfc6585 = "https://tools.ietf.org/html/rfc6585#section-";

    public static string For(int status) => status switch
    {
        400 => Rfc9110 + "15.5.1",
        401 => Rfc9110 + "15.5.2",
        403 => Rfc9110 + "15.5.4",
        404 => Rfc9110 + "15.5.5",
        405 => Rfc9110 + "15.5.6",
        406 => Rfc9110 + "15.5.7",
        408 => Rfc9110 + "15.5.9",
        409 => Rfc9110 + "15.5.10",
        411 => Rfc9110 + "15.5.12",
        412 => Rfc9110 + "15.5.13",
        413 => Rfc9110 + "15.5.14",
        414 => Rfc9110 + "15.5.15",
        415 => Rfc9110 + "15.5.16",
        422 => Rfc9110 + "15.5.21",
        429 => Rfc6585 + "4",
        431 => Rfc6585 + "5",
        500 => Rfc9110 + "15.6.1",
        501 => Rfc9110 + "15.6.2",
        502 => Rfc9110 + "15.6.3",
        503 => Rfc9110 + "15.6.4",
        504 => Rfc9110 + "15.6.5",
        >= 500 => Rfc9110 + "15.6",
        _ => Rfc9110 + "15.5",
    };
}
