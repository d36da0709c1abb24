using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Rules;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.CrossSell;

/// <summary>Association rules over the buyers' purchase baskets as of a day (the unit type bought and each add-on),
/// written to <c>ml_association_rule</c> for the day, replacing its rows. They back the next best offers.</summary>
public sealed class PurchaseRules(WarehouseDatabase warehouse, double minSupport = 0.01, double minConfidence = 0.1)
{
    public async Task<int> WriteAsync(DateOnly day, CancellationToken ct = default)
    {
        var baskets = $"SELECT customer_id, item FROM purchase_baskets({FeatureViews.AsOf(day)})";
        var any = Convert.ToInt64(await warehouse.ScalarAsync($"SELECT count(*) FROM ({baskets})", ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
        var rules = any ? (await AprioriMiner.MineAsync(warehouse.Connection, baskets, "customer_id", "item", minSupport, minConfidence, ct)).Rules : [];
        await using var transaction = await warehouse.Connection.BeginTransactionAsync(ct);
        await warehouse.ExecuteAsync($"DELETE FROM ml_association_rule WHERE as_of = DATE '{day:yyyy-MM-dd}'", ct);
        using (var appender = warehouse.Connection.CreateAppender("ml_association_rule"))
            foreach (var rule in rules)
                appender.CreateRow().AppendValue(day).AppendValue(rule.Antecedent.ToList()).AppendValue(rule.Consequent)
                    .AppendValue(rule.Support).AppendValue(rule.Confidence).AppendValue(rule.Lift).EndRow();
        await transaction.CommitAsync(ct);
        return rules.Count;
    }
}
