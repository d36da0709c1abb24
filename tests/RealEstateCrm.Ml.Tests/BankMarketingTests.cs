using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Tests;

/// <summary>UCI Bank Marketing (Moro et al. 2014) through the same query path as <c>crm ml train --sql</c>.</summary>
public sealed class BankMarketingTests
{
    [Fact]
    public async Task Bank_marketing_without_duration_reaches_auc_080_in_five_stratified_folds()
    {
        var path = ReferenceData.PathOf(ReferenceData.BankMarketing);
        await using var duck = await Duck.OpenAsync();

        // duration is only known after the call: with it the AUC is ~0.95 by leakage, not skill.
        var result = await new TabularTrainer(duck).TrainAsync($"SELECT * FROM read_csv_auto('{path}', delim = ';')",
            new TabularTrainingOptions { Label = "y", Exclude = ["duration"], Folds = 5 }, ct: TestContext.Current.CancellationToken);

        Assert.Equal(41188, result.Rows);
        Assert.Equal("true", result.Model.Label.Positive); // read_csv_auto reads yes/no as BOOLEAN
        Assert.Equal(4640, result.Validation.Overall.Positives);
        Assert.Equal("5-fold stratified, seed 42 (41188 rows, 4640 true)", result.Validation.Split);
        Assert.True(result.Validation.HoldoutAuc >= 0.80, $"pooled AUC {result.Validation.HoldoutAuc:0.0000}");
        Assert.True(result.Validation.MeanFoldAuc >= 0.80, $"mean fold AUC {result.Validation.MeanFoldAuc:0.0000}");
        Assert.Equal(19, result.Model.Schema.Columns.Count);
        // Calibrated: in every decile of held-out rows the mean probability is near the share that said yes.
        Assert.All(result.Validation.Overall.Lift, d => Assert.True(Math.Abs(d.MeanProbability - d.PositiveRate) < 0.05,
            $"decile {d.Decile}: mean probability {d.MeanProbability:0.000}, positive rate {d.PositiveRate:0.000}"));
    }
}
