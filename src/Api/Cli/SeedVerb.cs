using System.CommandLine;
using System.Globalization;
using ImportsService.Infrastructure.Database;
using ImportsService.Infrastructure.Seeding;

namespace ImportsService.Api.Cli;

/// <summary>
/// <c>seed --imports N [--allow-demo-credentials]</c>: migrates, then adds N generated imports to the demo account,
/// creating the demo tenants and their public keys when missing (outside Development only when allowed).
/// </summary>
internal static class SeedVerb
{
    public const int MaxImports = 1_000_000;

    private const string DemoCredentialsRefused =
        "seed creates the demo tenants with their well-known API keys (demo-api-key, …), which would open this database " +
        "to anyone. It runs in the Development environment; anywhere else add " + CommandLineVerbs.AllowDemoCredentials + " if you mean it.";

    public static Command Create(VerbContext context)
    {
        var imports = new Option<int>("--imports")
        {
            Description = $"How many imports to add to the demo account, 1 to {MaxImports:N0}.",
            HelpName = "N",
            Required = true,
            CustomParser = result => CommandLineValues.WholeNumber(result, "--imports", 1, MaxImports),
        };
        var allow = new Option<bool>(CommandLineVerbs.AllowDemoCredentials)
        {
            Description = "Create the demo tenants and their public API keys outside the Development environment too.",
        };
        var command = new Command(
            "seed",
            "Migrate, then add generated imports to the demo account, creating the demo tenants and their public API keys " +
            "when missing (outside Development only with " + CommandLineVerbs.AllowDemoCredentials + "). Progress is written as it goes.")
        {
            imports,
            allow,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var count = parsed.GetValue(imports);
            var services = context.Services;
            if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment() && !parsed.GetValue(allow))
            {
                await context.Error.WriteLineAsync(DemoCredentialsRefused);
                return CommandLineVerbs.BadArguments;
            }

            await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(cancellationToken);
            await services.GetRequiredService<IDemoDataSeeder>().AddDemoImportsAsync(
                count, new SeedProgressPrinter(context.Output, context.OutputIsTerminal), cancellationToken);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Database migrated; added {count} imports to the demo account (Account-Token: {DemoTenants.DemoAccountToken}, Authorization: Token {DemoTenants.DemoApiKey})."));
            return CommandLineVerbs.Success;
        });
        return command;
    }
}
