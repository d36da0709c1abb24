using System.CommandLine;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Organisation;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

public static class UsersCommand
{
    public static Command Create(GlobalOptions options)
    {
        var userName = new Argument<string>("user-name") { Description = "Sign-in name" };
        var role = new Option<string[]>("--role") { Description = "Role(s): admin, manager, analyst, sales, agent, service", Required = true, AllowMultipleArgumentsPerToken = true };
        var displayName = new Option<string?>("--name") { Description = "Display name (defaults to the user name)" };
        var password = new Option<string?>("--password") { Description = "Password; when absent it is read from CRM_PASSWORD or asked for" };
        var orgUnit = new Option<string?>("--org-unit") { Description = "Code of the user's org unit (data scope)" };
        var supervisor = new Option<bool>("--supervisor") { Description = "Sees the whole subtree of the org unit" };

        var add = new Command("add", "Create a user who can sign in.") { userName, role, displayName, password, orgUnit, supervisor };
        add.SetAction(parse => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            await using var db = database.CreateContext($"cli:{Environment.UserName}");
            var name = parse.GetRequiredValue(userName);
            var secret = parse.GetValue(password) ?? Environment.GetEnvironmentVariable("CRM_PASSWORD")
                         ?? AnsiConsole.Prompt(new TextPrompt<string>($"Password for {name}:").Secret());
            var user = await new AddUser(db).Handle(new AddUser.Request(name, parse.GetValue(displayName) ?? name, secret,
                parse.GetRequiredValue(role), parse.GetValue(orgUnit), parse.GetValue(supervisor)));
            AnsiConsole.MarkupLineInterpolated($"[green]added[/] {user.UserName} ({string.Join(", ", parse.GetRequiredValue(role))})");
            return 0;
        }));
        return new Command("users", "Manage the people who sign in.") { add };
    }
}
