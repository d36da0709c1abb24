using RealEstateCrm.Operational.DemoData;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary>One Spectre.Console progress bar per seeding area, created when the area first reports.</summary>
public sealed class SeedProgressBars(ProgressContext context) : ISeedProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];

    public void Report(string area, long done, long total)
    {
        if (!_tasks.TryGetValue(area, out var task)) _tasks[area] = task = context.AddTask(Markup.Escape(area), maxValue: total);
        task.Value = done;
    }

    /// <summary>Runs a seed with the bars on screen and prints what was written.</summary>
    public static async Task<SeedSummary> RunAsync(DemoSeeder seeder, SeedOptions options)
    {
        var summary = await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => seeder.SeedAsync(options, new SeedProgressBars(context)));
        AnsiConsole.MarkupLineInterpolated(
            $"[green]seeded[/] scale {options.Scale.Name}, seed {options.Seed}, as of {options.AsOf ?? SeedOptions.DefaultAsOf:yyyy-MM-dd}: {summary.TotalRows:N0} rows in {summary.Tables.Count} tables, {summary.Elapsed.TotalSeconds:0.0} s (bulk writes {summary.WriteTime.TotalSeconds:0.0} s, {summary.BulkRowsPerSecond:N0} rows/s)");
        return summary;
    }
}
