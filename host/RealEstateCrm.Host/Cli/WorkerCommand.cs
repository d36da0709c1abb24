using System.CommandLine;
using Microsoft.Extensions.Hosting;
using RealEstateCrm.Host.Jobs;
using RealEstateCrm.Operational.Data;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm worker [--workers N] [--warehouse PATH]</c>: runs the scheduled jobs until Ctrl+C.</summary>
public static class WorkerCommand
{
    public static Command Create(GlobalOptions options)
    {
        var workers = new Option<int>("--workers") { Description = "Jobs processed at once", DefaultValueFactory = _ => 2 };
        var warehouse = WarehouseLoad.PathOption();
        var models = MlRun.ModelsOption();
        var command = new Command("worker", $"Run the Hangfire server: the nightly ETL ({CrmJobs.NightlyEtlId}, cron Jobs:NightlyEtlCron, Asia/Shanghai) followed by scoring and call lists, weekly retraining (Jobs:RetrainCron) and work-order escalation every 5 minutes, until Ctrl+C. Workers on one PostgreSQL database share the queue.")
        {
            workers, warehouse, models,
        };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var databaseOptions = options.ResolveDatabase(parse);
            await new CrmDatabase(databaseOptions).MigrateAsync();
            using var host = WorkerHost.Build(databaseOptions, parse.GetValue(warehouse)!, parse.GetValue(workers), parse.GetValue(models));
            AnsiConsole.MarkupLineInterpolated($"[green]worker[/] on {databaseOptions} with {parse.GetValue(workers)} workers (Ctrl+C to stop)");
            await host.RunAsync();
            return 0;
        }));
        return command;
    }
}
