using System.CommandLine;
using ImportsService.Application.Access.CreateApiKey;

namespace ImportsService.Api.Cli;

/// <summary>
/// <c>keys create --account-token T [--name N] [--no-read]</c>: migrates, then issues a key for a new member of the
/// account; the key is printed once, alone on stdout, and only its hash is stored.
/// </summary>
internal static class KeysCreateVerb
{
    public const string DefaultKeyUserName = "API key user";

    public static Command Create(VerbContext context)
    {
        var accountToken = new Option<string>("--account-token")
        {
            Description = "The account the key's new user is a member of (its Account-Token).",
            HelpName = "token",
            Required = true,
            CustomParser = result => CommandLineValues.NotBlank(result, "--account-token"),
        };
        var name = new Option<string>("--name")
        {
            Description = $"The new user's name (default \"{DefaultKeyUserName}\").",
            HelpName = "user name",
            CustomParser = result => CommandLineValues.NotBlank(result, "--name"),
        };
        var noRead = new Option<bool>("--no-read")
        {
            Description = "The user may not read the account's imports (the key authenticates, and is forbidden).",
        };
        var command = new Command(
            "create",
            "Migrate, then issue an API key for a new user who is a member of the account. The key is printed once, alone on " +
            "stdout (KEY=$(… keys create …)); only its hash is stored, so it cannot be shown again.")
        {
            accountToken,
            name,
            noRead,
        };
        command.SetAction((parsed, cancellationToken) => ApiKeyCommandRunner.RunAsync(
            context,
            new CreateApiKeyCommand(parsed.GetRequiredValue(accountToken), parsed.GetValue(name) ?? DefaultKeyUserName, CanReadImports: !parsed.GetValue(noRead)),
            cancellationToken));
        return command;
    }
}
