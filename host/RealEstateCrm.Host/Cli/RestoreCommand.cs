using System.CommandLine;
using RealEstateCrm.Operational.Backup;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm restore --from F [--force]</c>: loads a backup into an empty database (migrated first) of any provider.</summary>
public static class RestoreCommand
{
    public static Command Create(GlobalOptions options)
    {
        var from = new Option<string>("--from") { Description = "Backup file written by crm backup", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace whatever the target database holds (in the same transaction as the restore)" };
        var command = new Command("restore", "Load a backup into an empty database; all or nothing.") { from, force };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync(ct);
            await using var db = database.CreateContext($"cli:{Environment.UserName}");
            var manifest = await new RestoreBackup(db).Handle(parse.GetRequiredValue(from), parse.GetValue(force), ct);
            AnsiConsole.MarkupLineInterpolated($"[green]restored[/] {manifest.Tables.Sum(t => t.Rows)} rows in {manifest.Tables.Count} tables, backed up from {manifest.Provider} at {manifest.CreatedAt:u}, into {database.Options}");
            return 0;
        }));
        return command;
    }
}
