using ImportsService.Infrastructure.Database;

namespace ImportsService.Api.Common;

public static class DatabaseConnectionPerRequest
{
    /// <summary>
    /// Every read a request makes (the caller look-up in authentication, then the page or the import) runs on
    /// one database connection, opened at the first read and closed when the response is done
    /// (<see cref="DatabaseConnectionScope"/>). A request that reads nothing (health, a cached caller refused
    /// before the read) opens nothing.
    /// </summary>
    public static IApplicationBuilder UseDatabaseConnectionPerRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await using var scope = DatabaseConnectionScope.Begin();
            await next(context);
        });
}
