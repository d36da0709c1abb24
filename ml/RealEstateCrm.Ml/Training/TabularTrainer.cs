using DuckDB.NET.Data;
using Microsoft.ML;
using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Evaluation;

namespace RealEstateCrm.Ml.Training;

/// <summary>Trains a binary classifier on any DuckDB query result: validates it (stratified k-fold or forward in
/// time), then fits the final model on every row. Each fold learns its own encoding from its training rows only.</summary>
public sealed class TabularTrainer(DuckDBConnection connection)
{
    /// <summary>Runs <paramref name="sql"/> and trains on its result. Bad input (SQL DuckDB refuses, an empty result, no such
    /// column, a label that is not binary) is an <see cref="MlInputException"/> naming the field and column.</summary>
    public async Task<TrainingResult> TrainAsync(string sql, TabularTrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        var table = await QueryTable.ReadAsync(connection, sql, ct);
        return Train(table, options, progress, ct) with { Sql = sql };
    }

    /// <summary>Trains on a result already read.</summary>
    public static TrainingResult Train(QueryTable table, TabularTrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default)
    {
        var task = Prepare(table, options);
        var validation = Validate(table, options, task, finalFit: true, progress, ct);
        ct.ThrowIfCancellationRequested();
        var steps = validation.Folds.Count + 1;
        progress?.Report(new TrainingProgress("final model on all rows", steps - 1, steps));
        var final = Fit(table, Enumerable.Range(0, table.Rows).ToArray(), task, options);
        progress?.Report(new TrainingProgress("done", steps, steps));
        return new TrainingResult(final, validation, table.Rows, table.Fingerprint, null);
    }

    /// <summary>Only the validation, no final model: e.g. a k-fold report beside a model trained with a forward time split.</summary>
    public static ValidationReport Validate(QueryTable table, TabularTrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken ct = default) =>
        Validate(table, options, Prepare(table, options), finalFit: false, progress, ct);

    private static LearningTask Prepare(QueryTable table, TabularTrainingOptions options)
    {
        if (table.Rows == 0) throw new MlInputException("sql", "the query returned no rows");
        var (label, labels) = BinaryLabel.Resolve(table.Column(options.Label, "label"), options.PositiveLabel);
        return new LearningTask(label, labels, FeatureSelection.Choose(table, options));
    }

    private static ValidationReport Validate(QueryTable table, TabularTrainingOptions options, LearningTask task, bool finalFit, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        var labels = task.Labels;
        IReadOnlyList<ValidationFold> folds;
        string split;
        if (options.TimeColumn is { } timeColumn)
        {
            var (fold, cutOff) = ValidationSplit.ForwardInTime(table.Column(timeColumn, "time-column"), labels, options.TestFraction);
            folds = [fold];
            split = $"forward in time on {timeColumn}: train before {cutOff} ({fold.Train.Count} rows), test from {cutOff} ({fold.Test.Count} rows)";
        }
        else
        {
            folds = ValidationSplit.StratifiedKFold(labels, options.Folds, options.Seed);
            split = $"{options.Folds}-fold stratified, seed {options.Seed} ({table.Rows} rows, {labels.Count(l => l)} {task.Label.Positive})";
        }

        var steps = folds.Count + (finalFit ? 1 : 0);
        var heldOut = new List<(int Row, float Probability)>();
        var results = new List<FoldResult>();
        foreach (var fold in folds)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"fold {fold.Number} of {folds.Count}", fold.Number - 1, steps));
            var model = Fit(table, fold.Train, task, options);
            var probabilities = model.Probabilities(FeatureRows.Load(MlContextFor(options), model.Schema, table, fold.Test, null));
            heldOut.AddRange(fold.Test.Zip(probabilities));
            results.Add(new FoldResult(fold.Number, fold.Train.Count, fold.Test.Count, BinaryMetrics.Compute(probabilities, fold.Test.Select(i => labels[i]).ToArray())));
        }
        var overall = BinaryMetrics.Compute(heldOut.Select(h => h.Probability).ToArray(), heldOut.Select(h => labels[h.Row]).ToArray());
        return new ValidationReport(split, results, overall);
    }

    private static TabularModel Fit(QueryTable table, IReadOnlyList<int> rows, LearningTask task, TabularTrainingOptions options)
    {
        var ml = MlContextFor(options);
        var schema = task.Selection.Fit(table, rows, options);
        var data = FeatureRows.Load(ml, schema, table, rows, task.Labels);
        var transformer = TrainerCatalog.Create(ml, options.Trainer, options.Seed).Fit(data);
        return new TabularModel(ml, transformer, schema, task.Label, options.Trainer);
    }

    /// <summary>The label, its value per row, and the feature columns: checked once, shared by every fit.</summary>
    private sealed record LearningTask(BinaryLabel Label, bool[] Labels, FeatureSelection Selection);

    private static MLContext MlContextFor(TabularTrainingOptions options) => new(options.Seed);
}
