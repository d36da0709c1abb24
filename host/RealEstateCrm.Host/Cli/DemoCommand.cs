using System.CommandLine;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm demo</c>: everything a newcomer needs on an empty folder, in one command.</summary>
public static class DemoCommand
{
    public static Command Create(GlobalOptions options)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Stop once everything is prepared (for scripts and CI)." };
        var warehouse = WarehouseLoad.PathOption();
        var sipPort = ServeCommand.SipPortOption();
        var webPort = ServeCommand.WebPortOption();
        var models = MlRun.ModelsOption();
        var command = new Command("demo", "Migrate, seed the small demo data set, load the warehouse, train and score the models, write the call lists, print what to do next, then serve the web UI and the call center until Ctrl+C (unless --no-serve).")
        {
            noServe, warehouse, sipPort, webPort, models,
        };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            AnsiConsole.MarkupLineInterpolated($"[green]migrated[/] {database.Options}");
            var seeder = new DemoSeeder(database);
            var existing = await seeder.ExistingDataAsync();
            if (existing.Count == 0) await SeedProgressBars.RunAsync(seeder, new SeedOptions(SeedScale.Small));
            else AnsiConsole.MarkupLineInterpolated($"[yellow]note:[/] not seeding: the database already holds data ({string.Join(", ", existing)})");

            if (!await WarehouseLoad.RunAsync(database, parse.GetValue(warehouse)!, full: false)) return 1;
            AnsiConsole.MarkupLineInterpolated($"Warehouse: [bold]{Path.GetFullPath(parse.GetValue(warehouse)!)}[/] (query it with [bold]duckdb {parse.GetValue(warehouse)}[/])");
            await TrainAndScoreAsync(database, parse.GetValue(warehouse)!, parse.GetValue(models)!);

            var accounts = new Table().AddColumns("user", "role", "password");
            foreach (var (userName, role) in DemoSeeder.DemoAccounts) accounts.AddRow(userName, role, DemoSeeder.DemoPassword);
            AnsiConsole.MarkupLine("Demo accounts (one per role; only in a database seeded by crm demo or crm seed):");
            AnsiConsole.Write(accounts);
            AnsiConsole.MarkupLine("Next: [bold]crm seed --scale medium --db sqlite:data/medium.db[/] for more data, [bold]crm users add[/] for real accounts.");
            if (!parse.GetValue(noServe)) await ServeCommand.RunAsync(database.Options, parse.GetValue(warehouse)!, parse.GetValue(sipPort), parse.GetValue(webPort), showAgents: true, ct);
            return 0;
        }));
        return command;
    }

    // Trained once (a demo folder keeps its models); the k-fold check is left to crm ml score --retrain to keep the demo quick.
    // The demo data ends on a fixed day, so the models score that day; the lists are written for today (China date), the
    // day the demo is run, so the call list page and the workbench's "leads to call today" have work in them. Run again
    // on a later day, the demo writes that day's lists; a day's lists already written are kept.
    private static async Task TrainAndScoreAsync(CrmDatabase database, string warehousePath, string modelsPath)
    {
        await using var warehouse = await WarehouseLoad.OpenAsync(warehousePath);
        var registry = new ModelRegistry(modelsPath);
        await MlRun.RetrainAsync(warehouse, registry, new ProductTrainingOptions { Folds = 0 }, always: false);
        var summary = await MlRun.ScoreAsync(warehouse, registry, null);
        await MlRun.WriteListsAsync(database, warehouse, summary.Day, new WriteBackOptions { ListDay = ChinaToday(TimeProvider.System) });
    }

    public static DateOnly ChinaToday(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), CrmJobs.ChinaStandardTime).DateTime);
}
