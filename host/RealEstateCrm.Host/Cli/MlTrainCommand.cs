using System.CommandLine;
using System.Globalization;
using RealEstateCrm.Ml.Evaluation;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Ml.Training;
using Spectre.Console;

namespace RealEstateCrm.Host.Cli;

/// <summary><c>crm ml train --sql ... --label COL</c>: trains a binary classifier on any query result, prints the
/// validation metrics per fold and saves the model to the registry.</summary>
public static class MlTrainCommand
{
    private static readonly Dictionary<string, TrainerKind> Trainers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fasttree"] = TrainerKind.FastTree, ["lightgbm"] = TrainerKind.LightGbm, ["logistic"] = TrainerKind.LogisticRegression,
    };

    public static Command Create()
    {
        var sql = MlQuerySource.SqlOption();
        var label = new Option<string>("--label") { Description = "The binary label column (bool, 0/1, yes/no or two distinct values)", Required = true };
        var positive = new Option<string?>("--positive") { Description = "The label value that is the positive class (default: the one that reads as yes, else the rarer)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Columns that are not features (repeatable or comma-separated): ids, leaking columns", AllowMultipleArgumentsPerToken = true };
        var categorical = new Option<string[]>("--categorical") { Description = "Integer columns to treat as categories (repeatable or comma-separated)", AllowMultipleArgumentsPerToken = true };
        var folds = new Option<int>("--folds") { Description = "Stratified k-fold validation", DefaultValueFactory = _ => 5 };
        var timeColumn = new Option<string?>("--time-column") { Description = "Validate forward in time instead: train on older rows, test on the newest --test-fraction by this column" };
        var testFraction = new Option<double>("--test-fraction") { Description = "Share of newest rows tested with --time-column", DefaultValueFactory = _ => 0.2 };
        var trainer = new Option<string>("--trainer") { Description = "fasttree, lightgbm or logistic", DefaultValueFactory = _ => "fasttree" };
        var seed = new Option<int>("--seed") { Description = "Seed for folds and trainer: the same data and seed give the same model", DefaultValueFactory = _ => 42 };
        var name = new Option<string>("--name") { Description = "Registry name of the model", DefaultValueFactory = _ => "adhoc" };
        var margin = new Option<double>("--margin") { Description = "Promote to champion unless the holdout AUC is worse than the champion's by more than this", DefaultValueFactory = _ => 0.01 };
        var models = MlRun.ModelsOption();
        var warehouse = MlQuerySource.WarehouseOption();
        var command = new Command("train", "Train a binary classifier on a DuckDB query result, print metrics per fold, save it to the model registry.")
        {
            sql, label, positive, exclude, categorical, folds, timeColumn, testFraction, trainer, seed, name, margin, models, warehouse,
        };
        command.SetAction(parse => CliRunner.Run(async () =>
        {
            var trainerName = parse.GetValue(trainer)!;
            if (!Trainers.TryGetValue(trainerName, out var kind))
                throw new ArgumentException($"--trainer: '{trainerName}' is not one of {string.Join(", ", Trainers.Keys)}");
            var options = new TabularTrainingOptions
            {
                Label = parse.GetValue(label)!, PositiveLabel = parse.GetValue(positive), Exclude = Split(parse.GetValue(exclude)),
                Categorical = Split(parse.GetValue(categorical)), Folds = parse.GetValue(folds), TimeColumn = parse.GetValue(timeColumn),
                TestFraction = parse.GetValue(testFraction), Trainer = kind, Seed = parse.GetValue(seed),
            };
            var registry = new ModelRegistry(parse.GetValue(models)!);
            var (trained, decision) = await MlQuerySource.NamingOption(async () =>
            {
                await using var source = await MlQuerySource.OpenAsync(parse.GetValue(warehouse));
                var result = await AnsiConsole.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("reading the query", maxValue: 1);
                    return await new TabularTrainer(source.Connection).TrainAsync(parse.GetValue(sql)!, options, new Progress<TrainingProgress>(p =>
                    {
                        task.MaxValue = p.Total;
                        task.Value = p.Done;
                        task.Description = Markup.Escape(p.Step);
                    }));
                });
                return (result, registry.Register(parse.GetValue(name)!, result, parse.GetValue(margin)));
            });
            Print(trained, decision);
            return 0;
        }));
        return command;
    }

    private static List<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static void Print(TrainingResult trained, PromotionDecision decision)
    {
        var validation = trained.Validation;
        AnsiConsole.MarkupLineInterpolated($"[bold]{trained.Model.Trainer}[/] on {trained.Rows:N0} rows, label {trained.Model.Label.Column} (positive: {trained.Model.Label.Positive}); validation: {validation.Split}");
        var folds = new Table().AddColumns("fold", "train rows", "test rows", "positives", "AUC", "PR-AUC", "log-loss", "accuracy", "top-decile lift");
        foreach (var f in validation.Folds) folds.AddRow(MetricCells(f.Fold.ToString(CultureInfo.InvariantCulture), f.TrainRows.ToString("N0"), f.Metrics));
        folds.AddRow(MetricCells("[bold]overall[/]", "", validation.Overall));
        AnsiConsole.Write(folds);
        if (validation.Folds.Count > 1) AnsiConsole.MarkupLineInterpolated($"mean fold AUC {validation.MeanFoldAuc:0.0000}");

        var lift = new Table().AddColumns("decile", "rows", "positives", "positive rate", "mean probability", "lift", "cumulative lift");
        foreach (var d in validation.Overall.Lift)
            lift.AddRow(d.Decile.ToString(CultureInfo.InvariantCulture), d.Rows.ToString("N0"), d.Positives.ToString("N0"), d.PositiveRate.ToString("0.000"),
                d.MeanProbability.ToString("0.000"), d.Lift.ToString("0.00"), d.CumulativeLift.ToString("0.00"));
        AnsiConsole.Write(lift);

        var schema = trained.Model.Schema;
        AnsiConsole.MarkupLineInterpolated($"features: {string.Join(", ", schema.Columns.Select(c => $"{c.Name} ({c.Encoding.ToString().ToLowerInvariant()})"))}");
        foreach (var ignored in schema.Ignored) AnsiConsole.MarkupLineInterpolated($"  not a feature: {ignored.Name}: {ignored.Reason}");
        var model = decision.Model;
        AnsiConsole.MarkupLineInterpolated(
            $"[green]saved[/] {model.Metadata.Name} v{model.Metadata.Version} to {model.Folder}: {(decision.Promoted ? "champion" : "not promoted")} ({decision.Reason})");
    }

    private static string[] MetricCells(string fold, string trainRows, BinaryMetrics m) =>
    [
        fold, trainRows, m.Rows.ToString("N0"), m.Positives.ToString("N0"), m.Auc.ToString("0.0000"), m.PrAuc.ToString("0.0000"),
        m.LogLoss.ToString("0.0000"), m.Accuracy.ToString("0.0000"), m.Lift.Count > 0 ? m.Lift[0].Lift.ToString("0.00") : "-",
    ];
}
