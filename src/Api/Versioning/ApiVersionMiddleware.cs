using ImportsService.Api.Errors;
using ImportsService.Application.Versioning;

namespace ImportsService.Api.Versioning;

public static class ApiVersionMiddleware
{
    /// <summary>
    /// Reads <c>X-Api-Version</c> before anything else looks at the request: a malformed, future or too early
    /// date is a 400 <c>{"errors":{"X-Api-Version":[…]}}</c> at once. Every response, whoever writes it (the
    /// controllers, authentication, the rate limiters, the exception handler, status code pages), carries
    /// <c>X-Api-Version</c> with the release that answered, set as the response starts.
    /// </summary>
    public static IApplicationBuilder UseApiVersions(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Resolved here, at start-up, so a release without a response format stops the service before it serves.
        _ = app.ApplicationServices.GetRequiredService<ResponseFormats>();
        return app.Use(static async (context, next) =>
        {
            var releases = context.RequestServices.GetRequiredService<ApiReleases>();
            var time = context.RequestServices.GetRequiredService<TimeProvider>();
            var (requested, error) = ApiVersionHeader.Read(context.Request.Headers[ApiVersionHeader.Name], releases, time);
            var feature = new ApiVersionFeature(releases, requested);
            context.Features.Set(feature);
            context.Response.OnStarting(static state =>
            {
                var (context, feature) = ((HttpContext, ApiVersionFeature))state;
                context.Response.Headers[ApiVersionHeader.Name] = ApiVersionHeader.Format(feature.Answering(context));
                return Task.CompletedTask;
            }, (context, feature));

            if (error is not null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await new ValidationErrorsResponse(new Dictionary<string, string[]>(StringComparer.Ordinal) { [ApiVersionHeader.Name] = [error] })
                    .WriteAsync(context.Response, context.RequestAborted);
                return;
            }

            await next(context);
        });
    }
}
