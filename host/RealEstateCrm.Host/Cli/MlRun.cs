using System.CommandLine;
using System.Globalization;
using RealEstateCrm.Etl.WriteBack;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Warehouse;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary>Training, scoring and list write-back with a progress display and printed results; shared by
/// <c>crm ml score</c>, <c>crm ml calllist</c> and <c>crm demo</c>.</summary>
public static class MlRun
{
    public static Option<string> ModelsOption() => new("--models")
    {
        Description = "The model registry folder",
        DefaultValueFactory = _ => ModelRegistry.DefaultRoot,
    };

    public static Option<string?> DateOption(string description) => new("--date") { Description = description };

    public static DateOnly? ParseDate(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new ArgumentException($"--date: \"{value}\" is not a date like 2026-06-30");

    /// <param name="always">retrain even when every model has a champion</param>
    public static async Task RetrainAsync(WarehouseDatabase warehouse, ModelRegistry registry, ProductTrainingOptions options, bool always = true)
    {
        var retraining = new ProductRetraining(warehouse, registry);
        var trained = await AnsiConsole.Status().StartAsync("training", context =>
        {
            var progress = new Progress<string>(step => context.Status(Markup.Escape(step)));
            return always ? retraining.RunAsync(options, progress) : retraining.UnlessTrainedAsync(options, progress);
        });
        if (trained.Count == 0) return;
        var table = new Table().AddColumns("model", "snapshots", "rows", "forward AUC", "k-fold AUC", "champion");
        foreach (var (model, t, why) in trained)
            if (t is null) table.AddRow(Markup.Escape(model.Name), "-", "-", "-", "-", Markup.Escape("not trained: " + why));
            else table.AddRow(t.Version, $"{t.Snapshots[0]:yyyy-MM-dd} … {t.Snapshots[^1]:yyyy-MM-dd}", t.Result.Rows.ToString("N0", CultureInfo.InvariantCulture),
                Auc(t.Result.Validation.HoldoutAuc), t.KFold is null ? "-" : Auc(t.KFold.Overall.Auc), Markup.Escape(t.Registration.Promoted ? "yes: " + t.Registration.Reason : "no: " + t.Registration.Reason));
        AnsiConsole.MarkupLine("[green]trained[/] (forward: train on older snapshots, test on the newest fifth)");
        AnsiConsole.Write(table);
    }

    public static async Task<ScoringSummary> ScoreAsync(WarehouseDatabase warehouse, ModelRegistry registry, DateOnly? day)
    {
        var summary = await AnsiConsole.Status().StartAsync("scoring", context =>
            new ProductScoring(warehouse, registry, TimeProvider.System).RunAsync(day, new Progress<string>(step => context.Status(Markup.Escape(step)))));
        var table = new Table().AddColumns("model version", "rows scored");
        foreach (var (_, version, rows) in summary.Models) table.AddRow(Markup.Escape(version), rows.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.MarkupLineInterpolated($"[green]scored[/] as of {summary.Day:yyyy-MM-dd} into ml_score: {summary.Rules} association rules, {summary.Offers} next best offers");
        AnsiConsole.Write(table);
        return summary;
    }

    public static async Task WriteListsAsync(CrmDatabase database, WarehouseDatabase warehouse, DateOnly day, WriteBackOptions options)
    {
        var result = await AnsiConsole.Status().StartAsync("writing call lists", _ =>
            new ScoredLists(database, warehouse, TimeProvider.System).WriteAsync(day, options));
        AnsiConsole.MarkupLineInterpolated(
            $"[green]call lists[/] for {options.ListDay ?? day:yyyy-MM-dd}{(options.ListDay is { } listDay && listDay != day ? $" (from the scores of {day:yyyy-MM-dd})" : "")}: {result.Lists} lists, {result.Entries} entries; left out: {result.SkippedDoNotCall} do-not-call, {result.SkippedNoConsent} without marketing consent, {result.SkippedCallCap} at the weekly call cap, {result.SkippedOutOfScope} outside the rep's projects; {result.ListsAlreadyWritten} lists already written for the day were kept");
    }

    private static string Auc(double auc) => double.IsNaN(auc) ? "-" : auc.ToString("0.000", CultureInfo.InvariantCulture);
}
