using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Ml.Evaluation;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Operational.DemoData;

namespace RealEstateCrm.Etl.Tests.Ml;

/// <summary>The product models on the demo data, judged forward in time against the generator's own probabilities.</summary>
public sealed class ProductModelQualityTests(SmallDemoWarehouse demo, ITestOutputHelper output) : IClassFixture<SmallDemoWarehouse>
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
            var scored = (await new ProductScorer(demo.Warehouse, registry, TimeProvider.System).ScoreAsync(ProductModels.LeadScore, day, Ct)).Scores;
            var labels = await LabelsAsync(ProductModels.LeadScore.LabelsSql(day));
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

    // The demo decides a cancellation for each contract with probability p and draws its time uniformly between the day
    // after signing and the data's end; an owner leaves the property service at a constant rate from 30 days after his
    // handover (p: by the data's end); an add-on with probability q, bought uniformly within 180 days of signing. So the
    // generator's own probability of the label (an event in the window, given none before it) can be computed exactly.
    private static readonly DateTime DataEnd = new(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>P(an event drawn with probability p at a uniform time in [start, DataEnd] falls in the 90 days after
    /// <paramref name="at"/>, given it has not happened by then).</summary>
    private static double Within90Days(double p, DateTime start, DateTime at)
    {
        var length = (DataEnd - start).TotalDays;
        var before = p * Math.Max(0, (at - start).TotalDays) / length;
        var within = p * Math.Max(0, (Min(at.AddDays(90), DataEnd) - Max(at, start)).TotalDays) / length;
        return within / (1 - before);
    }

    /// <summary>P(an owner whose leaving rate gives <paramref name="p"/> between <paramref name="from"/> and DataEnd leaves in
    /// the 90 days after <paramref name="at"/>): the rate is constant, so what came before does not matter.</summary>
    private static double LeavesWithin90Days(double p, DateTime from, DateTime at)
    {
        var perDay = -Math.Log(1 - p) / (DataEnd - from).TotalDays;
        return 1 - Math.Exp(-perDay * Math.Max(0, (Min(at.AddDays(90), DataEnd) - Max(at, from)).TotalDays));
    }

    [Fact]
    public async Task Churn_ranks_later_buyers_within_90_percent_of_the_generators_own_probabilities()
    {
        var (contracts, truth) = await TruthAsync("contract-cancellation");
        var exits = await PropertyServiceExitsAsync();
        double Churn(Guid customer, DateTime at) => 1 - contracts.Where(c => c.CustomerId == customer && c.SignedAt <= at).Aggregate(1.0, (survive, c) =>
            survive * (1 - Within90Days(truth[c.Id], c.SignedAt.AddDays(1), at))
                    * (exits.TryGetValue(c.Id, out var exit) ? 1 - LeavesWithin90Days(exit.P, exit.From, at) : 1));

        // Few churners in the small data set (42 in the three months) make the figure coarse: FastTree measured 0.585
        // against the generator's 0.587 (ratio 1.00), LightGbm 0.556 (0.95), logistic regression 0.539 (0.92) (ml/README.md).
        var (model, best) = await JudgeAsync(ProductModels.Churn, new DateOnly(2025, 12, 31), [new(2026, 1, 31), new(2026, 2, 28), new(2026, 3, 31)], Churn);
        Assert.True(model.Positives >= 25, $"only {model.Positives} churners: the comparison would be noise");
        Assert.True(model.Auc >= 0.9 * best.Auc, $"churn AUC {model.Auc:0.000} is below 90% of the generator's {best.Auc:0.000}");
    }

    // The second unit has no generator probability to judge it by: a second contract comes from another lead's conversion.
    [Theory]
    [InlineData("addon:parking")]
    [InlineData("addon:storage")]
    [InlineData("addon:renovation")]
    [InlineData("addon:service-upgrade")]
    public async Task Cross_sell_ranks_later_buyers_within_90_percent_of_the_generators_own_probabilities(string product)
    {
        var (contracts, truth) = await TruthAsync(product);
        double Buys(Guid customer, DateTime at) => 1 - contracts.Where(c => c.CustomerId == customer && c.SignedAt <= at).Aggregate(1.0, (none, c) =>
        {
            var q = truth.GetValueOrDefault(c.Id);
            var elapsed = Math.Min(180, (at - c.SignedAt).TotalDays);
            return none * (1 - q * (180 - elapsed) / 180 / (1 - q * elapsed / 180));
        });

        var model = ProductModels.CrossSell.Single(m => m.Name == ProductModels.AddOns.Single(a => a.Product == product).ModelName);
        var (scored, best) = await JudgeAsync(model, new DateOnly(2025, 10, 31), [new(2025, 10, 31), new(2025, 11, 30), new(2025, 12, 31)], Buys);
        Assert.True(scored.Positives >= 25, $"only {scored.Positives} buyers: the comparison would be noise");
        Assert.True(scored.Auc >= 0.9 * best.Auc, $"{model.Name} AUC {scored.Auc:0.000} is below 90% of the generator's {best.Auc:0.000}");
    }

    private sealed record Signed(Guid Id, Guid CustomerId, DateTime SignedAt);

    /// <summary>Every contract, and the generator's probability of <paramref name="outcome"/> for each contract it drew one for.</summary>
    private async Task<(List<Signed> Contracts, Dictionary<Guid, double> Truth)> TruthAsync(string outcome)
    {
        await using var db = demo.Operational.Context();
        var contracts = await db.Contracts.Select(c => new Signed(c.Id, c.CustomerId, c.SignedAt)).ToListAsync(Ct);
        var truth = await db.TrueProbabilities.Where(t => t.Outcome == outcome).ToDictionaryAsync(t => t.SubjectId!.Value, t => t.Probability, Ct);
        return (contracts, truth);
    }

    /// <summary>The generator's probability that the owner leaves the property service, per handed-over contract it drew
    /// one for, with the start of the time window it drew the leaving time from (30 days after the handover).</summary>
    private async Task<Dictionary<Guid, (double P, DateTime From)>> PropertyServiceExitsAsync()
    {
        await using var db = demo.Operational.Context();
        var drawn = await (from t in db.TrueProbabilities
                           where t.Outcome == "property-service-exit"
                           join c in db.Contracts on t.SubjectId equals c.Id
                           join u in db.InspectionUnits on c.UnitId equals u.UnitId
                           where u.CustomerId == c.CustomerId && u.HandedOverAt != null
                           select new { c.Id, t.Probability, u.HandedOverAt }).ToListAsync(Ct);
        return drawn.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => (g.First().Probability, g.Min(d => d.HandedOverAt!.Value).AddDays(30)));
    }

    private async Task<(BinaryMetrics Model, BinaryMetrics Best)> JudgeAsync(ProductModel product, DateOnly trainedOn, DateOnly[] scoredOn, Func<Guid, DateTime, double> truth)
    {
        var registry = demo.Registry;
        await new ProductTrainer(demo.Warehouse, registry).TrainAsync(product, trainedOn, new ProductTrainingOptions { Folds = 0 }, ct: Ct);
        var (scores, probabilities, outcomes) = (new List<float>(), new List<float>(), new List<bool>());
        foreach (var day in scoredOn)
        {
            var scored = (await new ProductScorer(demo.Warehouse, registry, TimeProvider.System).ScoreAsync(product, day, Ct)).Scores;
            var labels = await LabelsAsync(product.LabelsSql(day));
            var at = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            scores.AddRange(scored.Select(s => (float)s.Score));
            probabilities.AddRange(scored.Select(s => (float)truth(s.CustomerId, at)));
            outcomes.AddRange(scored.Select(s => labels[s.SubjectId]));
        }
        var model = BinaryMetrics.Compute(scores, outcomes);
        var best = BinaryMetrics.Compute(probabilities, outcomes);
        output.WriteLine($"{product.Name}: {model.Rows} subject-days, {model.Positives} positives; AUC model {model.Auc:0.000}, generator's probabilities {best.Auc:0.000} (ratio {model.Auc / best.Auc:0.00})");
        return (model, best);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

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
