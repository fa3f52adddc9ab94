using ImportsService.Infrastructure.Database;

namespace ImportsService.Api.Database;

public static class DatabaseConnectionPerRequest
{
    /// <summary>
    /// On SQLite, every read a request makes (the caller look-up in authentication, then the page or the
    /// import) runs on one database connection, opened at the first read and closed when the response is done
    /// (<see cref="DatabaseConnectionScope"/>); a request that reads nothing opens nothing. The SQL Server
    /// factory does not join the scope: its caller look-up goes to the primary and its reads to the read
    /// intent (ImportsRead when set), each on its own pooled connection.
    /// </summary>
    public static IApplicationBuilder UseDatabaseConnectionPerRequest(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await using var scope = DatabaseConnectionScope.Begin();
            await next(context);
        });
}
