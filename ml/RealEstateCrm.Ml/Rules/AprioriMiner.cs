using System.Numerics;
using DuckDB.NET.Data;
using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Rules;

/// <summary>Apriori over baskets from any query (one row per basket and item): frequent itemsets level by level, each
/// held as a bitmap of the baskets containing it, then every rule with a one-item consequent that meets the thresholds.</summary>
public static class AprioriMiner
{
    /// <summary>Runs <paramref name="sql"/> and mines its rows; see <see cref="Mine"/>.</summary>
    public static async Task<RuleMiningResult> MineAsync(DuckDBConnection connection, string sql, string basketColumn, string itemColumn,
        double minSupport, double minConfidence, CancellationToken ct = default) =>
        Mine(await QueryTable.ReadAsync(connection, sql, ct), basketColumn, itemColumn, minSupport, minConfidence);

    /// <summary>Rules {A} ⇒ {c} with support(A ∪ {c}) ≥ <paramref name="minSupport"/> and confidence ≥ <paramref name="minConfidence"/>,
    /// A non-empty. An item twice in a basket counts once; rows with a NULL item are skipped (the basket still counts).</summary>
    public static RuleMiningResult Mine(QueryTable table, string basketColumn, string itemColumn, double minSupport, double minConfidence)
    {
        if (minSupport is <= 0 or > 1) throw new MlInputException("min-support", $"min-support must be in (0, 1] (got {minSupport})");
        if (minConfidence is < 0 or > 1) throw new MlInputException("min-confidence", $"min-confidence must be in [0, 1] (got {minConfidence})");
        var baskets = table.Column(basketColumn, "basket");
        var items = table.Column(itemColumn, "item");
        if (table.Rows == 0) throw new MlInputException("sql", "the query returned no rows");
        var nullBaskets = Enumerable.Range(0, table.Rows).Count(baskets.IsNull);
        if (nullBaskets > 0) throw new MlInputException("basket", $"basket column '{baskets.Name}' has {nullBaskets} NULL values");

        // Item ids follow the names' ordinal order: itemsets are sorted id arrays, so rules come out in a stable order.
        var names = Enumerable.Range(0, table.Rows).Select(items.TextAt).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var itemIndex = names.Select((name, id) => (name, id)).ToDictionary(p => p.name, p => p.id, StringComparer.Ordinal);
        var basketIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var memberships = new List<(int Basket, int Item)>();
        for (var row = 0; row < table.Rows; row++)
        {
            var key = baskets.TextAt(row)!;
            if (!basketIndex.TryGetValue(key, out var basket)) basketIndex[key] = basket = basketIndex.Count;
            if (items.TextAt(row) is { } item) memberships.Add((basket, itemIndex[item]));
        }
        var basketCount = basketIndex.Count;
        // support ≥ minSupport as a count, with room for the rounding of minSupport × baskets.
        var minCount = (int)Math.Ceiling(minSupport * basketCount - 1e-9);
        var containing = new ulong[names.Length][];
        for (var i = 0; i < names.Length; i++) containing[i] = new ulong[(basketCount + 63) / 64];
        foreach (var (basket, item) in memberships) containing[item][basket >> 6] |= 1UL << (basket & 63);

        var counts = new Dictionary<ItemSet, int>();
        var level = new List<(ItemSet Set, ulong[] Baskets)>();
        for (var i = 0; i < names.Length; i++)
        {
            var count = PopCount(containing[i]);
            if (count < minCount) continue;
            counts[new ItemSet([i])] = count;
            level.Add((new ItemSet([i]), containing[i]));
        }
        while (level.Count > 1)
        {
            var next = new List<(ItemSet, ulong[])>();
            for (var a = 0; a < level.Count; a++)
            for (var b = a + 1; b < level.Count; b++)
            {
                if (!level[a].Set.SharesPrefixWith(level[b].Set)) break;
                var candidate = level[a].Set.Extend(level[b].Set.Items[^1]);
                if (!candidate.Subsets().All(counts.ContainsKey)) continue;
                var joined = And(level[a].Baskets, level[b].Baskets);
                var count = PopCount(joined);
                if (count < minCount) continue;
                counts[candidate] = count;
                next.Add((candidate, joined));
            }
            level = next;
        }

        var rules = new List<AssociationRule>();
        foreach (var (set, count) in counts.Where(c => c.Key.Items.Length > 1))
        foreach (var consequent in set.Items)
        {
            var antecedent = set.Without(consequent);
            var confidence = (double)count / counts[antecedent];
            if (confidence < minConfidence - 1e-12) continue;
            var consequentShare = (double)counts[new ItemSet([consequent])] / basketCount;
            rules.Add(new AssociationRule(antecedent.Items.Select(i => names[i]).ToList(), names[consequent], count,
                (double)count / basketCount, confidence, confidence / consequentShare));
        }
        var ordered = rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).ThenByDescending(r => r.Support)
            .ThenBy(r => r.ToString(), StringComparer.Ordinal).ToList();
        return new RuleMiningResult(basketCount, names.Length, counts.Count, ordered);
    }

    private static ulong[] And(ulong[] a, ulong[] b)
    {
        var result = new ulong[a.Length];
        for (var i = 0; i < a.Length; i++) result[i] = a[i] & b[i];
        return result;
    }

    private static int PopCount(ulong[] bits)
    {
        var count = 0;
        foreach (var word in bits) count += BitOperations.PopCount(word);
        return count;
    }
}
