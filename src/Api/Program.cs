using ImportsService.Api;
using ImportsService.Api.Access;
using ImportsService.Api.Cli;
using ImportsService.Api.Compression;
using ImportsService.Api.Database;
using ImportsService.Api.Errors;
using ImportsService.Api.Forwarding;
using ImportsService.Api.Headers;
using ImportsService.Api.Health;
using ImportsService.Api.Json;
using ImportsService.Api.Limits;
using ImportsService.Api.Logging;
using ImportsService.Api.Docs;
using ImportsService.Api.Imports;
using ImportsService.Api.Observability;
using ImportsService.Api.OpenApi;
using ImportsService.Api.Versioning;
using ImportsService.Application;
using ImportsService.Infrastructure;

// Help, --version and bad arguments are answered before anything is built: no server, no database.
if (CommandLineVerbs.IsVerb(args) && CommandLineVerbs.AnswerWithoutServices(args, Console.Out, Console.Error) is { } answered)
{
    return answered;
}

var builder = WebApplication.CreateBuilder(ApplicationFolder.BuilderOptions(args)); // appsettings.json from beside the dll, wherever it is started
if (CommandLineVerbs.IsVerb(args))
{
    CommandLineVerbs.SendConsoleLogsToStandardError(builder.Configuration);
}

builder.Services.AddApiLogging(builder.Configuration);
builder.Services.AddApiTelemetry(builder.Configuration); // metrics on Metrics:Port, OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddImportsApi();
builder.Services.AddApiVersions();
builder.Services.AddApiDocument();
builder.Services.AddTokenAuthentication();
builder.Services.AddApiKeys();
builder.Services.AddApiRateLimiting();
builder.Services.AddClientAddressForwarding(builder.Configuration);
builder.Services.AddApiResponseHeaders();
builder.Services.AddApiResponseCompression();
builder.Services.AddApiProblemDetails();
builder.Services.AddHealthChecks();
builder.Services.AddControllers();
builder.Services.AddApiJson();

var app = builder.Build();

// A SQLite file that can never be created is a configuration error: one line on stderr, no stack trace.
if (DatabaseStartup.FindSqliteFileProblem(app.Configuration) is { } sqliteProblem)
{
    await Console.Error.WriteLineAsync(sqliteProblem);
    return DatabaseStartup.SqliteFileUnusableExitCode;
}

if (CommandLineVerbs.IsVerb(args))
{
    // Ctrl+C stops a verb between statements (a seed keeps the batches it committed).
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    await using (app) // disposing flushes the asynchronous console sink before the process ends
    {
        return await CommandLineVerbs.RunAsync(app.Services, args, Console.Out, Console.Error, outputIsTerminal: !Console.IsOutputRedirected, stop.Token);
    }
}

// Fail fast on a missing or short cursor signing key, before the database is touched.
app.Services.GetRequiredService<ImportsService.Application.Imports.Cursors.ImportCursorCodec>();
_ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportsService.Application.Access.ApiKeys.ApiKeyOptions>>().Value; // and on a missing pepper
await app.PrepareDatabaseAsync();

app.UseClientAddressForwarding(); // only from ForwardedHeaders:KnownProxies/KnownNetworks; off by default
app.UseResponseCompression(); // gzip or Brotli only when Accept-Encoding asks; wraps every body written after it
app.UseApiResponseHeaders();
app.UseApiRequestLogging();
app.UseExceptionHandler();
app.UseApiVersions(); // X-Api-Version: a bad one is a 400 before anything else; every response names the release that answered
app.UseStatusCodePages(ProblemResponses.WriteStatusCodePageAsync);
app.UseGlobalConcurrencyLimit(); // in flight per instance, before authentication spends a database look-up
app.UseDatabaseConnectionPerRequest(); // the caller look-up and the read share one database connection
app.UseAuthentication(); // failed authentications spend the client address's budget
app.UseAuthorization();
app.UseAccountLimits(); // the account's token bucket and in-flight cap, once the account is known
app.MapControllers();
app.MapHealthEndpoints();
app.MapApiDocument();
app.MapApiReference(app.Configuration, app.Environment);

await app.RunAsync();
return 0;

public partial class Program;
