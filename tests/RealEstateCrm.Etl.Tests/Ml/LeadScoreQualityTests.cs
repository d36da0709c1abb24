using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Ml.Evaluation;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.Etl.Tests.Ml;

/// <summary>The product models on the demo data, judged forward in time against the generator's own probabilities.</summary>
public sealed class LeadScoreQualityTests(SmallDemoWarehouse demo, ITestOutputHelper output) : IClassFixture<SmallDemoWarehouse>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Trained on data up to the end of 2025 (labels included), then scored on the leads open at the ends of January,
    // February and March 2026, whose 90-day outcome is known by the data's end (2026-06-30): nothing the model saw
    // overlaps what it is judged on.
    private static readonly DateOnly TrainedOn = new(2025, 12, 31);
    private static readonly DateOnly[] ScoredOn = [new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31)];

    [Fact]
    public async Task Lead_score_ranks_later_leads_well_above_chance_and_within_90_percent_of_the_true_probabilities()
    {
        var registry = demo.Registry;
        var trained = await new ProductTrainer(demo.Warehouse, registry).TrainAsync(ProductModels.LeadScore, TrainedOn, new ProductTrainingOptions { Folds = 0 }, ct: Ct);
        await using var db = demo.Operational.Context();
        var truth = await db.TrueProbabilities.Where(t => t.Outcome == "lead-conversion").ToDictionaryAsync(t => t.SubjectId!.Value, t => t.Probability, Ct);
        var (scores, probabilities, outcomes) = (new List<float>(), new List<float>(), new List<bool>());
        foreach (var day in ScoredOn)
        {
            var scored = await new ProductScorer(demo.Warehouse, registry, TimeProvider.System).ScoreAsync(ProductModels.LeadScore, day, Ct);
            var labels = await LabelsAsync($"SELECT lead_id, label FROM lead_labels({FeatureViews.AsOf(day)}, 90)");
            Assert.All(scored, s => Assert.Equal(3, s.ReasonsEn.Split("; ").Length));
            scores.AddRange(scored.Select(s => (float)s.Score));
            probabilities.AddRange(scored.Select(s => (float)truth[s.SubjectId]));
            outcomes.AddRange(scored.Select(s => labels[s.SubjectId]));
        }
        var model = BinaryMetrics.Compute(scores, outcomes);
        var best = BinaryMetrics.Compute(probabilities, outcomes);
        output.WriteLine($"{model.Rows} lead-days, {model.Positives} reserved within 90 days; forward AUC in training {trained.Result.Validation.HoldoutAuc:0.000}; " +
                         $"AUC on later leads: model {model.Auc:0.000}, true probabilities {best.Auc:0.000} (ratio {model.Auc / best.Auc:0.00})");

        Assert.True(model.Positives >= 50, $"only {model.Positives} positives: the comparison would be noise");
        Assert.True(model.Auc > 0.72, $"lead score AUC {model.Auc:0.000} on later leads");
        Assert.True(model.Auc >= 0.9 * best.Auc, $"lead score AUC {model.Auc:0.000} is below 90% of the true probabilities' {best.Auc:0.000}");
    }

    private async Task<Dictionary<Guid, bool>> LabelsAsync(string sql)
    {
        await using var command = demo.Warehouse.Connection.CreateCommand();
        command.CommandText = sql;
        var labels = new Dictionary<Guid, bool>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) labels[reader.GetGuid(0)] = reader.GetBoolean(1);
        return labels;
    }
}
