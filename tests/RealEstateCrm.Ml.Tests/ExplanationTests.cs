using RealEstateCrm.Ml.Data;
using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Tests;

public sealed class ExplanationTests
{
    [Theory]
    [InlineData(TrainerKind.FastTree)]
    [InlineData(TrainerKind.LightGbm)]
    [InlineData(TrainerKind.LogisticRegression)]
    public async Task The_top_reason_is_the_feature_that_truly_drives_the_label(TrainerKind trainer)
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(3000);
        var trained = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic",
            new TabularTrainingOptions { Label = "bought", Exclude = ["customer_id"], Folds = 2, Trainer = trainer }, ct: TestContext.Current.CancellationToken);
        var table = await QueryTable.ReadAsync(duck, "SELECT * FROM synthetic", TestContext.Current.CancellationToken);

        var scored = trained.Model.Score(table);

        Assert.Equal(3000, scored.Count);
        Assert.All(scored, s => Assert.Equal(3, s.Reasons.Count));
        var drivenByDriver = scored.Count(s => s.Reasons[0].Feature == "driver");
        Assert.True(drivenByDriver > 0.8 * scored.Count, $"driver is the top reason for {drivenByDriver} of {scored.Count} rows");
        // A high driver pushes toward buying, a low one away from it.
        var high = scored.Where(s => table.Column("driver", "test").NumberAt(s.Row) > 90).Select(s => s.Reasons.Single(r => r.Feature == "driver"));
        var low = scored.Where(s => table.Column("driver", "test").NumberAt(s.Row) < 10).Select(s => s.Reasons.Single(r => r.Feature == "driver"));
        Assert.All(high, r => Assert.True(r.Contribution > 0));
        Assert.All(low, r => Assert.True(r.Contribution < 0));
    }

    [Fact]
    public async Task A_reason_carries_the_row_value_and_reasons_are_ordered_by_strength()
    {
        await using var duck = await Duck.OpenAsync();
        await duck.CreateSyntheticAsync(2000);
        var trained = await new TabularTrainer(duck).TrainAsync("SELECT * FROM synthetic",
            new TabularTrainingOptions { Label = "bought", Exclude = ["customer_id"], Folds = 2 }, ct: TestContext.Current.CancellationToken);
        var table = await QueryTable.ReadAsync(duck, "SELECT * FROM synthetic WHERE customer_id IN (3, 4, 5)", TestContext.Current.CancellationToken);

        var scored = trained.Model.Score(table, reasons: 5);

        foreach (var s in scored)
        {
            // Up to five: a column the row's path never splits on contributes nothing and is no reason.
            Assert.InRange(s.Reasons.Count, 3, 5);
            Assert.Equal(s.Reasons.OrderByDescending(r => Math.Abs(r.Contribution)).Select(r => r.Feature), s.Reasons.Select(r => r.Feature));
            var driver = s.Reasons.Single(r => r.Feature == "driver");
            Assert.Equal(table.Column("driver", "test").TextAt(s.Row), driver.Value);
        }
        Assert.All(trained.Model.Score(table, reasons: 0), s => Assert.Empty(s.Reasons));
    }
}
