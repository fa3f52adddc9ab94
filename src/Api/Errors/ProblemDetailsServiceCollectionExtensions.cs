namespace ImportsService.Api.Errors;

public static class ProblemDetailsServiceCollectionExtensions
{
    /// <summary>Problem details with instance and traceId on every problem, and the one exception handler.</summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            ProblemResponses.Complete(context.ProblemDetails, context.HttpContext));
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }
}
