using System.CommandLine;
using ImportsService.Application.Access.RevokeApiKey;

namespace ImportsService.Api.Cli;

/// <summary><c>keys revoke --key K | --id N</c>: the key stops authenticating at once.</summary>
internal static class KeysRevokeVerb
{
    public static Command Create(VerbContext context)
    {
        var key = new Option<string>("--key")
        {
            Description = "The API key to revoke.",
            HelpName = "api key",
            CustomParser = result => CommandLineValues.NotBlank(result, "--key"),
        };
        var id = new Option<long?>("--id")
        {
            Description = "The id of the key to revoke (keys create printed it).",
            HelpName = "key id",
            CustomParser = result => CommandLineValues.WholeNumber(result, "--id", 1, long.MaxValue),
        };
        var command = new Command("revoke", "Revoke an API key, named by the key itself or by its id: it stops authenticating at once.")
        {
            key,
            id,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(key) is null && result.GetResult(id) is null)
            {
                result.AddError("keys revoke needs --key or --id.");
            }
        });
        command.SetAction((parsed, cancellationToken) =>
            ApiKeyCommandRunner.RunAsync(context, new RevokeApiKeyCommand(parsed.GetValue(key), parsed.GetValue(id)), cancellationToken));
        return command;
    }
}
