using ImportsService.Api.Access;
using ImportsService.Api.Cli;
using ImportsService.Api.Common;
using ImportsService.Api.Imports;
using ImportsService.Application;
using ImportsService.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApiLogging(builder.Configuration);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddImportsApi();
builder.Services.AddTokenAuthentication();
builder.Services.AddAccountRateLimiting();
builder.Services.AddApiProblemDetails();
builder.Services.AddHealthChecks();
builder.Services.AddControllers();

var app = builder.Build();

if (CommandLineVerbs.IsVerb(args))
{
    return await CommandLineVerbs.RunAsync(app.Services, args, Console.Out, Console.Error, CancellationToken.None);
}

// Fail fast on a missing or short cursor signing key, before the database is touched.
app.Services.GetRequiredService<ImportsService.Domain.Imports.ImportCursorCodec>();
await app.PrepareDatabaseAsync();

app.UseApiRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapControllers();
app.MapHealthEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
