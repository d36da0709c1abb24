using System.CommandLine;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml calllist [--date D]</c>: writes the day's scored call lists to the operational DB.</summary>
public static class MlCallListCommand
{
    public static Command Create(GlobalOptions options)
    {
        var date = MlRun.DateOption("The list date (yyyy-MM-dd), scored before with crm ml score; default the last day the warehouse has data for");
        var perRep = new Option<int>("--calls-per-rep") { Description = "Entries on each sales rep's list", DefaultValueFactory = _ => new WriteBackOptions().CallsPerRep };
        var cap = new Option<int>("--weekly-cap") { Description = "Outbound calls a customer may get in seven days", DefaultValueFactory = _ => new WriteBackOptions().WeeklyCallCap };
        var size = new Option<int>("--target-list-size") { Description = "Entries on the churn-care and the cross-sell list", DefaultValueFactory = _ => new WriteBackOptions().TargetListSize };
        var warehouse = WarehouseLoad.PathOption();
        var command = new Command("calllist", "Write today's call list per sales rep (open leads by score and reachability, on the rep's projects; do-not-call and the weekly cap honoured) and the churn-care and cross-sell lists to the operational DB.")
        {
            date, perRep, cap, size, warehouse,
        };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var writeBack = new WriteBackOptions { CallsPerRep = parse.GetValue(perRep), WeeklyCallCap = parse.GetValue(cap), TargetListSize = parse.GetValue(size) };
            writeBack.Validate();
            var requested = MlRun.ParseDate(parse.GetValue(date));
            var database = new CrmDatabase(options.ResolveDatabase(parse));
            await database.MigrateAsync();
            await using var opened = await WarehouseLoad.OpenAsync(parse.GetValue(warehouse)!);
            var day = requested ?? await DataEnd.OfAsync(opened);
            await MlRun.WriteListsAsync(database, opened, day, writeBack);
            return 0;
        }));
        return command;
    }
}
