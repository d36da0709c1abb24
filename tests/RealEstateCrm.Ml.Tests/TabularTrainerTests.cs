using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Tests;

public sealed class TabularTrainerTests
{
    private static readonly TabularTrainingOptions Buyers = new() { Label = "bought", Exclude = ["customer_id"] };

    [Fact]
    public async Task Stratified_folds_keep_the_positive_rate_and_the_model_finds_the_buyers()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync();

        var result = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic", Buyers, ct: TestContext.Current.CancellationToken);

        var validation = result.Validation;
        Assert.Equal(5, validation.Folds.Count);
        Assert.Equal(4000, validation.Folds.Sum(f => f.TestRows));
        Assert.All(validation.Folds, f => Assert.Equal(4000, f.TrainRows + f.TestRows));
        var positives = validation.Folds.Select(f => f.Metrics.Positives).ToList();
        Assert.True(positives.Max() - positives.Min() <= 1, $"positives per fold: {string.Join(", ", positives)}");
        Assert.All(validation.Folds, f => Assert.True(f.Metrics.Auc > 0.97, $"fold {f.Fold} AUC {f.Metrics.Auc}"));
        Assert.Equal(4000, validation.Overall.Rows);
        Assert.True(validation.Overall.Lift[0].Lift > 2, $"top decile lift {validation.Overall.Lift[0].Lift}");
        Assert.StartsWith("5-fold stratified, seed 42", validation.Split);
        Assert.Equal("true", result.Model.Label.Positive);
    }

    [Fact]
    public async Task The_same_data_and_seed_give_the_same_metrics_and_fingerprint()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(1500);
        var trainer = new TabularTrainer(duck);

        var first = await trainer.TrainAsync("SELECT * FROM synthetic", Buyers with { Folds = 3 }, ct: TestContext.Current.CancellationToken);
        var second = await trainer.TrainAsync("SELECT * FROM synthetic", Buyers with { Folds = 3 }, ct: TestContext.Current.CancellationToken);
        await duck.ExecuteAsync("UPDATE synthetic SET noise = noise + 1 WHERE customer_id = 7");
        var changed = await trainer.TrainAsync("SELECT * FROM synthetic", Buyers with { Folds = 3 }, ct: TestContext.Current.CancellationToken);

        Assert.Equal(first.Validation.Folds.Select(f => f.Metrics.Auc), second.Validation.Folds.Select(f => f.Metrics.Auc));
        Assert.Equal(first.Validation.Overall.LogLoss, second.Validation.Overall.LogLoss);
        Assert.Equal(first.DataFingerprint, second.DataFingerprint);
        Assert.NotEqual(first.DataFingerprint, changed.DataFingerprint);
    }

    [Fact]
    public async Task Numeric_nulls_get_an_indicator_and_text_nulls_the_missing_category()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(1000);

        var result = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic", Buyers with { Folds = 2 }, ct: TestContext.Current.CancellationToken);

        var columns = result.Model.Schema.Columns.ToDictionary(c => c.Name);
        Assert.True(columns["helper"].MissingIndicator);
        Assert.Equal(2, columns["helper"].Slots);
        var mean = Convert.ToDouble(await Scalar(duck, "SELECT avg(helper) FROM synthetic"));
        Assert.Equal(mean, columns["helper"].Replacement, 9);
        Assert.False(columns["driver"].MissingIndicator);
        Assert.Equal(FeatureEncoding.OneHot, columns["region"].Encoding);
        Assert.Contains(FeatureColumn.Missing, columns["region"].Categories);
        Assert.Equal(5, columns["region"].Categories.Count);
    }

    [Fact]
    public async Task Dates_are_not_features_and_integer_codes_can_be_declared_categorical()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(1000);

        var result = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic",
            Buyers with { Folds = 2, Categorical = ["floor_band"] }, ct: TestContext.Current.CancellationToken);

        var schema = result.Model.Schema;
        Assert.DoesNotContain(schema.Columns, c => c.Name is "signed_on" or "customer_id" or "bought");
        Assert.Equal("DATE: dates and times are not features (derive a number from them in the query)", schema.Ignored.Single(i => i.Name == "signed_on").Reason);
        Assert.Contains(schema.Ignored, i => i is { Name: "customer_id", Reason: "excluded" });
        var floorBand = schema.Columns.Single(c => c.Name == "floor_band");
        Assert.Equal(FeatureEncoding.OneHot, floorBand.Encoding);
        Assert.Equal(["0", "1", "2"], floorBand.Categories.Order());
        Assert.Equal(FeatureEncoding.Numeric, schema.Columns.Single(c => c.Name == "noise").Encoding);
    }

    [Fact]
    public async Task A_categorical_column_with_too_many_values_is_hashed()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(1000);

        var result = await new TabularTrainer(duck).TrainAsync("SELECT *, 'c' || (customer_id % 300) AS street FROM synthetic",
            Buyers with { Folds = 2, MaxOneHotCategories = 100, HashBuckets = 16 }, ct: TestContext.Current.CancellationToken);

        var street = result.Model.Schema.Columns.Single(c => c.Name == "street");
        Assert.Equal(FeatureEncoding.Hashed, street.Encoding);
        Assert.Equal(16, street.Slots);
    }

    [Fact]
    public async Task A_forward_time_split_trains_on_older_rows_and_tests_on_the_newest_fifth()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync();

        var result = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic",
            Buyers with { TimeColumn = "signed_on" }, ct: TestContext.Current.CancellationToken);

        var fold = Assert.Single(result.Validation.Folds);
        // Ten rows a day from 2025-01-01: the newest 800 rows start on day 320.
        Assert.Equal(3200, fold.TrainRows);
        Assert.Equal(800, fold.TestRows);
        Assert.Equal("forward in time on signed_on: train before 2025-11-17 00:00:00 (3200 rows), test from 2025-11-17 00:00:00 (800 rows)", result.Validation.Split);
        Assert.True(result.Validation.HoldoutAuc > 0.97);
        Assert.Contains(result.Model.Schema.Ignored, i => i.Name == "signed_on");
    }

    [Theory]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.LogisticRegression)]
    public async Task The_other_trainers_learn_the_buyers_too(TrainerKind trainer)
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(2000);

        var result = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic", Buyers with { Trainer = trainer, Folds = 3 }, ct: TestContext.Current.CancellationToken);

        Assert.Equal(trainer, result.Model.Trainer);
        Assert.True(result.Validation.HoldoutAuc > 0.95, $"{trainer} AUC {result.Validation.HoldoutAuc}");
        Assert.InRange(result.Validation.Overall.LogLoss, 0, 0.4);
    }

    [Fact]
    public async Task Progress_reports_each_fold_then_the_final_model()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(600);
        var steps = new List<TrainingProgress>();

        await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic", Buyers with { Folds = 3 }, new SynchronousProgress(steps), TestContext.Current.CancellationToken);

        Assert.Equal(["fold 1 of 3", "fold 2 of 3", "fold 3 of 3", "final model on all rows", "done"], steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal(4, s.Total));
    }

    [Fact]
    public async Task Validation_alone_reports_what_training_reports_and_fits_no_final_model()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(900);
        var table = await Data.QueryTable.ReadAsync(duck, "SELECT * FROM synthetic", TestContext.Current.CancellationToken);
        var steps = new List<TrainingProgress>();

        var trained = TabularTrainer.Train(table, Buyers with { Folds = 3 }, ct: TestContext.Current.CancellationToken);
        var validated = TabularTrainer.Validate(table, Buyers with { Folds = 3 }, new SynchronousProgress(steps), TestContext.Current.CancellationToken);

        Assert.Equal(trained.Validation.Split, validated.Split);
        Assert.Equal(trained.Validation.Folds.Select(f => f.Metrics.Auc), validated.Folds.Select(f => f.Metrics.Auc));
        Assert.Equal(trained.Validation.HoldoutAuc, validated.HoldoutAuc);
        Assert.Equal(["fold 1 of 3", "fold 2 of 3", "fold 3 of 3"], steps.Select(s => s.Step));
    }

    private static async Task<object?> Scalar(DuckDB.NET.Data.DuckDBConnection duck, string sql)
    {
        await using var command = duck.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    // Progress<T> posts to the thread pool; the test needs every report before it asserts.
    private sealed class SynchronousProgress(List<TrainingProgress> steps) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => steps.Add(value);
    }
}
