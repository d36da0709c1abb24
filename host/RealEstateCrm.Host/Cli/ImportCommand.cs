using System.CommandLine;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Features.Import;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm import customers|leads|units --file F</c>: upserts a CSV or XLSX file by each entity's natural key.</summary>
public static class ImportCommand
{
    public static Command Create(GlobalOptions options)
    {
        var entity = new Argument<string>("entity") { Description = "What the file holds: customers (by code), leads (by lead_no) or units (by project_code + building + room_no)" };
        entity.AcceptOnlyFromAmong("customers", "leads", "units");
        var file = new Option<string>("--file") { Description = "A .csv (UTF-8 or GB18030) or .xlsx file whose first row names the columns", Required = true };
        var command = new Command("import", "Insert or update records from a spreadsheet; nothing is stored unless every row is valid.") { entity, file };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync(ct);
            await using var db = database.CreateContext($"cli:{Environment.UserName}");
            var path = parse.GetRequiredValue(file);
            var table = TabularFile.Read(path);
            var result = parse.GetRequiredValue(entity) switch
            {
                "customers" => await new ImportCustomers(db).Handle(table, ct),
                "leads" => await new ImportLeads(db).Handle(table, ct),
                _ => await new ImportUnits(db).Handle(table, ct),
            };
            AnsiConsole.MarkupLineInterpolated($"[green]imported[/] {path}: {result.Inserted} inserted, {result.Updated} updated");
            return 0;
        }));
        return command;
    }
}
