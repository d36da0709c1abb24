using RealEstateCrm.Ml.CrossSell;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.Products;

/// <summary>What a scoring run wrote: rows per model (with the version used), association rules and next best offers.</summary>
public sealed record ScoringSummary(DateOnly Day, IReadOnlyList<(string Model, string Version, int Rows)> Models, int Rules, int Offers);

/// <summary>Scores every product model with its champion as of a day (nightly after the ETL, <c>crm ml score</c>):
/// lead score, churn and each add-on into <c>ml_score</c>, the day's association rules, then the next best offers.</summary>
/// <param name="champions">where the champions come from: by default loaded from <paramref name="registry"/> for this run;
/// a long-running host passes the ones it holds loaded</param>
public sealed class ProductScoring(WarehouseDatabase warehouse, ModelRegistry registry, TimeProvider clock, IChampionSource? champions = null)
{
    /// <param name="day">the scoring day; by default the last day the warehouse has data for (<see cref="DataEnd"/>)</param>
    public async Task<ScoringSummary> RunAsync(DateOnly? day = null, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var source = champions ?? registry;
        // A model never trained (its data had one class only) is left out until it can be trained.
        var trained = ProductModels.All.Select(m => (Model: m, Champion: source.ChampionModel(m.Name))).Where(m => m.Champion is not null).ToList();
        if (trained.Count == 0)
            throw new InvalidDataException($"no trained product models in {registry.Root}: run crm ml score --retrain first");
        await FeatureViews.InstallAsync(warehouse, ct);
        var scoringDay = day ?? await DataEnd.OfAsync(warehouse, ct);
        var scorer = new ProductScorer(warehouse, registry, clock);
        var models = new List<(string, string, int)>();
        foreach (var (model, champion) in trained)
        {
            progress?.Report($"scoring {model.Name}");
            var scored = await scorer.ScoreAsync(model, champion!, scoringDay, ct);
            models.Add((model.Name, scored.Version, scored.Scores.Count));
        }
        progress?.Report("mining purchase baskets");
        var rules = await new PurchaseRules(warehouse).WriteAsync(scoringDay, ct);
        progress?.Report("next best offers");
        var offers = await new NextBestOffers(warehouse).WriteAsync(scoringDay, ct);
        return new ScoringSummary(scoringDay, models, rules, offers);
    }
}
