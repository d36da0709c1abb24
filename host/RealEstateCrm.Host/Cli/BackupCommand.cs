using System.CommandLine;
using RealEstateCrm.Operational.Backup;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm backup --to F</c>: a consistent, provider-neutral backup taken while the CRM keeps running.</summary>
public static class BackupCommand
{
    public static Command Create(GlobalOptions options)
    {
        var to = new Option<string>("--to") { Description = "Backup file to write (a zip; replaced if it exists)", Required = true };
        var command = new Command("backup", "Write every table, as of one moment, to a backup file any provider can restore.") { to };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            await using var db = new CrmDatabase(options.ResolveDatabase(parse)).CreateContext($"cli:{Environment.UserName}");
            var path = parse.GetRequiredValue(to);
            var manifest = await new CreateBackup(db).Handle(path, ct);
            AnsiConsole.MarkupLineInterpolated($"[green]backed up[/] {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Rows)} rows ({manifest.Provider}, {manifest.Migration}) to {path}");
            return 0;
        }));
        return command;
    }
}
