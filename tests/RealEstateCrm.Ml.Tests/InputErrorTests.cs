using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Tests;

/// <summary>Bad input gets an <see cref="MlInputException"/> naming the field, the column and what was found.</summary>
public sealed class InputErrorTests
{
    [Theory]
    [InlineData("bought", "true")]
    [InlineData("CAST(bought AS INTEGER)", "1")]
    [InlineData("CASE WHEN bought THEN 'yes' ELSE 'no' END", "yes")]
    [InlineData("CASE WHEN bought THEN 'won' ELSE 'lost' END", "won")]
    public async Task A_label_may_be_bool_zero_one_yes_no_or_any_two_values(string expression, string positive)
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(400);

        var result = await new TabularTrainer(duck).TrainAsync($"SELECT driver, noise, {expression} AS outcome FROM synthetic",
            new TabularTrainingOptions { Label = "outcome", Folds = 2 }, ct: TestContext.Current.CancellationToken);

        Assert.Equal(positive, result.Model.Label.Positive);
        Assert.True(result.Validation.HoldoutAuc > 0.9);
    }

    [Theory]
    [InlineData("SELECT driver, floor_band FROM synthetic", "floor_band", "label", "label column 'floor_band' must be binary (two distinct values); found 3: ")]
    [InlineData("SELECT driver, 'yes' AS y FROM synthetic", "y", "label", "label column 'y' must be binary (two distinct values); found 1: 'yes' (400)")]
    [InlineData("SELECT driver, CASE WHEN driver > 95 THEN NULL ELSE bought END AS y FROM synthetic", "y", "label", "label column 'y' has ")]
    [InlineData("SELECT driver, bought FROM synthetic", "converted", "label", "no column 'converted' in the query result; its columns: driver, bought")]
    [InlineData("SELECT driver, bought FROM synthetic WHERE false", "bought", "sql", "the query returned no rows")]
    [InlineData("SELECT driver, bought FROM no_such_table", "bought", "sql", "DuckDB: ")]
    [InlineData("SELECT bought, customer_id FROM synthetic", "bought", "exclude", "no column 'phone' in the query result")]
    [InlineData("SELECT a.bought, a.driver, b.driver FROM synthetic a JOIN synthetic b USING (customer_id)", "bought", "sql", "the query result has more than one column named 'driver'; give each its own alias")]
    public async Task Bad_input_is_refused_naming_the_field_and_column(string sql, string label, string field, string message)
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(400);

        var error = await Assert.ThrowsAsync<MlInputException>(() => new TabularTrainer(duck).TrainAsync(sql,
            new TabularTrainingOptions { Label = label, Exclude = field == "exclude" ? ["phone"] : [], Folds = 2 }, ct: TestContext.Current.CancellationToken));

        Assert.Equal(field, error.Field);
        Assert.StartsWith(message, error.Message);
        if (field == "sql" && message == "DuckDB: ") Assert.Contains("no_such_table", error.Message);
    }

    [Fact]
    public async Task Too_many_folds_for_the_rarer_class_and_a_time_column_of_text_are_refused()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(400);
        var trainer = new TabularTrainer(duck);

        var folds = await Assert.ThrowsAsync<MlInputException>(() => trainer.TrainAsync("SELECT driver, customer_id < 3 AS rare FROM synthetic",
            new TabularTrainingOptions { Label = "rare", Folds = 5 }, ct: TestContext.Current.CancellationToken));
        var time = await Assert.ThrowsAsync<MlInputException>(() => trainer.TrainAsync("SELECT driver, region, bought FROM synthetic",
            new TabularTrainingOptions { Label = "bought", TimeColumn = "region" }, ct: TestContext.Current.CancellationToken));

        Assert.Equal("5 folds need at least 5 rows of each class; the rarer class has 3", folds.Message);
        Assert.Equal("time-column", time.Field);
        Assert.Equal("time column 'region' is VARCHAR; it must be a date, timestamp or number", time.Message);
    }
}
