using ImportsService.Api.Access;
using ImportsService.Api.Cli;
using ImportsService.Api.Common;
using ImportsService.Api.Imports;
using ImportsService.Application;
using ImportsService.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
if (CommandLineVerbs.IsVerb(args))
{
    CommandLineVerbs.SendConsoleLogsToStandardError(builder.Configuration);
}

builder.Services.AddApiLogging(builder.Configuration);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddImportsApi();
builder.Services.AddTokenAuthentication();
builder.Services.AddApiKeys();
builder.Services.AddApiRateLimiting();
builder.Services.AddApiProblemDetails();
builder.Services.AddHealthChecks();
builder.Services.AddControllers();

var app = builder.Build();

if (CommandLineVerbs.IsVerb(args))
{
    // Ctrl+C stops a verb between statements (a seed keeps the batches it committed).
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await CommandLineVerbs.RunAsync(app.Services, args, Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected, stop.Token);
}

// Fail fast on a missing or short cursor signing key, before the database is touched.
app.Services.GetRequiredService<ImportsService.Application.Imports.Cursors.ImportCursorCodec>();
_ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportsService.Application.Access.ApiKeys.ApiKeyOptions>>().Value; // and on a missing pepper
await app.PrepareDatabaseAsync();

app.UseApiRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages(ProblemResponses.WriteStatusCodePageAsync);
app.UseRateLimiter(); // per client address, before authentication spends a database look-up
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // per account, once the account is known
app.MapControllers();
app.MapHealthEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
