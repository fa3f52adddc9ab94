using System.CommandLine;
using ImportsService.Infrastructure.Database;

namespace ImportsService.Api.Cli;

/// <summary><c>migrate</c>: applies the pending database migrations.</summary>
internal static class MigrateVerb
{
    public static Command Create(VerbContext context)
    {
        var command = new Command("migrate", "Apply the pending database migrations, then print \"Database migrated.\"");
        command.SetAction(async (_, cancellationToken) =>
        {
            await context.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            await context.Output.WriteLineAsync("Database migrated.");
            return CommandLineVerbs.Success;
        });
        return command;
    }
}
