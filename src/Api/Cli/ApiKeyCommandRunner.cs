using ImportsService.Application.Access.CreateApiKey;
using ImportsService.Application.Access.RevokeApiKey;
using ImportsService.Application.Common.Exceptions;
using ImportsService.Infrastructure.Database;
using MediatR;
using Microsoft.Extensions.Options;

namespace ImportsService.Api.Cli;

/// <summary>The <c>keys</c> verbs' common run: migrate, send the command through the application pipeline, report.</summary>
internal static class ApiKeyCommandRunner
{
    /// <summary>The key is written to stdout only, once, and never to a log.</summary>
    public static async Task<int> RunAsync<TResult>(VerbContext context, IRequest<TResult> command, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var output = context.Output;
        var error = context.Error;
        try
        {
            await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, cancellationToken);
            switch (result)
            {
                case CreateApiKeyResult created:
                    var may = created.CanReadImports ? "may" : "may not";
                    await error.WriteLineAsync(FormattableString.Invariant(
                        $"Created API key {created.KeyId} for user {created.UserId} in account {created.AccountId}; it {may} read the account's imports. It is printed once, below: only its hash is stored, so it cannot be shown again (revoke it with: keys revoke --id {created.KeyId})."));
                    if (services.GetRequiredService<IHostEnvironment>().IsDevelopment())
                    {
                        await error.WriteLineAsync("Development: the key is hashed with the development pepper and works only where that pepper is configured.");
                    }

                    await output.WriteLineAsync(created.ApiKey);
                    return CommandLineVerbs.Success;

                case RevokeApiKeyResult { Revoked: > 0 }:
                    await output.WriteLineAsync("Revoked: the key no longer authenticates.");
                    return CommandLineVerbs.Success;

                default:
                    await error.WriteLineAsync("No active key matches; nothing was revoked (unknown key or id, or revoked already).");
                    return CommandLineVerbs.BadArguments;
            }
        }
        catch (RequestValidationException exception)
        {
            foreach (var (option, messages) in exception.Errors)
            {
                await error.WriteLineAsync($"--{option}: {string.Join(" ", messages)}");
            }

            return CommandLineVerbs.BadArguments;
        }
        catch (NotFoundException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return CommandLineVerbs.BadArguments;
        }
        catch (OptionsValidationException exception)
        {
            // No pepper outside Development, for instance: say how to configure it.
            await error.WriteLineAsync(string.Join(Environment.NewLine, exception.Failures));
            return CommandLineVerbs.BadArguments;
        }
    }
}
