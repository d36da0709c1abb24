using RealEstateCrm.Ml.Evaluation;

namespace RealEstateCrm.Ml.Tests;

public sealed class BinaryMetricsTests
{
    [Fact]
    public void Metrics_match_a_count_by_hand()
    {
        // Ranked: 0.9+ 0.8- 0.7+ 0.6- : of 4 positive/negative pairs, 3 are ordered right.
        var metrics = BinaryMetrics.Compute([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false]);

        Assert.Equal(0.75, metrics.Auc, 12);
        Assert.Equal((1.0 + 2.0 / 3) / 2, metrics.PrAuc, 6); // precision 1 at the first hit, 2/3 at the second
        Assert.Equal(-(Math.Log(0.9f) + Math.Log(1 - 0.8f) + Math.Log(0.7f) + Math.Log(1 - 0.6f)) / 4, metrics.LogLoss, 6);
        Assert.Equal(0.5, metrics.Accuracy, 12);
        Assert.Empty(metrics.Lift); // fewer than ten rows
    }

    [Fact]
    public void Tied_scores_count_half_and_a_constant_score_has_auc_one_half()
    {
        Assert.Equal(0.5, BinaryMetrics.Compute([0.3f, 0.3f, 0.3f, 0.3f], [true, false, true, false]).Auc, 12);
        // 0.8+ beats both negatives; 0.5+ ties 0.5- (½) and beats 0.1-: (2 + 1.5) / 4.
        Assert.Equal(3.5 / 4, BinaryMetrics.Compute([0.8f, 0.5f, 0.5f, 0.1f], [true, true, false, false]).Auc, 12);
    }

    [Fact]
    public void Lift_by_decile_puts_the_positives_of_a_perfect_ranking_in_the_first_deciles()
    {
        var probabilities = Enumerable.Range(0, 100).Select(i => 1 - i / 100f).ToArray();
        var labels = Enumerable.Range(0, 100).Select(i => i < 20).ToArray();

        var lift = BinaryMetrics.Compute(probabilities, labels).Lift;

        Assert.Equal(10, lift.Count);
        Assert.All(lift, d => Assert.Equal(10, d.Rows));
        Assert.Equal([5.0, 5.0, 0, 0, 0, 0, 0, 0, 0, 0], lift.Select(d => d.Lift));
        Assert.Equal(5.0, lift[1].CumulativeLift, 12);
        Assert.Equal(1.0, lift[9].CumulativeLift, 12);
        Assert.Equal(0.955, lift[0].MeanProbability, 5); // 1.00, 0.99, ..., 0.91
        Assert.Equal(1.0, lift[0].PositiveRate);
        Assert.Equal(1.0, BinaryMetrics.Compute(probabilities, labels).Auc, 12);
    }
}
