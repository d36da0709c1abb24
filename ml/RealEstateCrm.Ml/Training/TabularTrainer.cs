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
        if (table.Rows == 0) throw new MlInputException("sql", "the query returned no rows");
        var (label, labels) = BinaryLabel.Resolve(table.Column(options.Label, "label"), options.PositiveLabel);
        var selection = FeatureSelection.Choose(table, options);

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
            split = $"{options.Folds}-fold stratified, seed {options.Seed} ({table.Rows} rows, {labels.Count(l => l)} {label.Positive})";
        }

        var total = folds.Count + 1;
        var heldOut = new List<(int Row, float Probability)>();
        var results = new List<FoldResult>();
        foreach (var fold in folds)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report(new TrainingProgress($"fold {fold.Number} of {folds.Count}", fold.Number - 1, total));
            var model = Fit(table, fold.Train, labels, label, selection, options);
            var testFeatures = model.Schema.Encode(table, fold.Test);
            var probabilities = model.Probabilities(FeatureRows.Load(MlContextFor(options), testFeatures, null, model.Schema.Slots));
            heldOut.AddRange(fold.Test.Zip(probabilities));
            results.Add(new FoldResult(fold.Number, fold.Train.Count, fold.Test.Count, BinaryMetrics.Compute(probabilities, fold.Test.Select(i => labels[i]).ToArray())));
        }
        ct.ThrowIfCancellationRequested();
        progress?.Report(new TrainingProgress("final model on all rows", folds.Count, total));
        var final = Fit(table, Enumerable.Range(0, table.Rows).ToArray(), labels, label, selection, options);
        progress?.Report(new TrainingProgress("done", total, total));

        var overall = BinaryMetrics.Compute(heldOut.Select(h => h.Probability).ToArray(), heldOut.Select(h => labels[h.Row]).ToArray());
        return new TrainingResult(final, new ValidationReport(split, results, overall), table.Rows, table.Fingerprint, null);
    }

    private static TabularModel Fit(QueryTable table, IReadOnlyList<int> rows, bool[] labels, BinaryLabel label, FeatureSelection selection, TabularTrainingOptions options)
    {
        var ml = MlContextFor(options);
        var schema = selection.Fit(table, rows, options);
        var data = FeatureRows.Load(ml, schema.Encode(table, rows), rows.Select(i => labels[i]).ToArray(), schema.Slots);
        var transformer = TrainerCatalog.Create(ml, options.Trainer, options.Seed).Fit(data);
        return new TabularModel(ml, transformer, schema, label, options.Trainer);
    }

    private static MLContext MlContextFor(TabularTrainingOptions options) => new(options.Seed);
}
