using System.CommandLine;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Export;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm export ENTITY --format csv|xlsx [--out FILE]</c>: one table of the model to a file.</summary>
public static class ExportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var entity = new Argument<string>("entity") { Description = "Table (customer, work_order) or class name (WorkOrder)" };
        var format = new Option<ExportFormat>("--format") { Description = "csv (UTF-8 with BOM, opens in Excel) or xlsx", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<string?>("--out") { Description = "File to write; defaults to <table>.<format> in the current folder" };
        var command = new Command("export", "Write every row of one table to CSV or XLSX.") { entity, format, output };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            await using var db = new CrmDatabase(options.ResolveDatabase(parse)).CreateContext($"cli:{Environment.UserName}");
            var table = StoredTable.Find(db, parse.GetRequiredValue(entity));
            var chosen = parse.GetValue(format);
            var path = parse.GetValue(output) ?? $"{table.Name}.{chosen.ToString().ToLowerInvariant()}";
            long rows;
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
                rows = await new ExportTable(db).Handle(new ExportTable.Request(table.Name, chosen), file, ct);
            AnsiConsole.MarkupLineInterpolated($"[green]exported[/] {rows} rows of {table.Name} to {path}");
            return 0;
        }));
        return command;
    }
}
