using System.CommandLine;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

public static class MigrateCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("migrate", "Create the operational database if needed and apply pending migrations.");
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            AnsiConsole.MarkupLineInterpolated($"[green]migrated[/] {database.Options}");
            return 0;
        }));
        return command;
    }
}
