using System.Globalization;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Products;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.CrossSell;

/// <summary>Each buyer's next best offer on a day: the add-on with the highest cross-sell score among those not
/// owned, its model reasons, and the strongest association rule (lift above 1) whose antecedent the buyer's basket
/// holds and whose consequent is that add-on. Written to <c>ml_next_best_offer</c>, replacing the day's rows.</summary>
public sealed class NextBestOffers(WarehouseDatabase warehouse)
{
    public async Task<int> WriteAsync(DateOnly day, CancellationToken ct = default)
    {
        var date = $"DATE '{day:yyyy-MM-dd}'";
        var products = string.Join(", ", ProductModels.AddOns.Select(a => $"('{a.ModelName}', '{a.Product}')"));
        await using var transaction = await warehouse.Connection.BeginTransactionAsync(ct);
        await warehouse.ExecuteAsync($"DELETE FROM ml_next_best_offer WHERE as_of = {date}", ct);
        var offers = new List<object?[]>();
        await using (var command = warehouse.Connection.CreateCommand())
        {
            command.CommandText = $"""
                WITH product(model, product) AS (VALUES {products}),
                best AS (
                    SELECT s.*, p.product FROM ml_score s JOIN product p USING (model) WHERE s.as_of = {date}
                    QUALIFY row_number() OVER (PARTITION BY s.customer_id ORDER BY s.score DESC, s.model) = 1
                ),
                basket AS (SELECT customer_id, list(item) AS items FROM purchase_baskets({FeatureViews.AsOf(day)}) GROUP BY customer_id),
                backing AS (
                    SELECT b.customer_id, arg_max(r.antecedent, r.lift) AS antecedent, arg_max(r.confidence, r.lift) AS confidence, max(r.lift) AS lift
                    FROM best b JOIN basket k USING (customer_id)
                    JOIN ml_association_rule r ON r.as_of = {date} AND r.consequent = b.product AND r.lift > 1 AND list_has_all(k.items, r.antecedent)
                    GROUP BY b.customer_id
                )
                SELECT b.customer_id, b.project_id, b.rep_user_id, b.product, b.score, b.model_version, b.reasons_zh, b.reasons_en,
                       array_to_string(k.antecedent, ' + '), k.confidence, k.lift
                FROM best b LEFT JOIN backing k USING (customer_id)
                ORDER BY b.customer_id
                """;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                offers.Add(values);
            }
        }
        using (var appender = warehouse.Connection.CreateAppender("ml_next_best_offer"))
        {
            foreach (var o in offers)
            {
                var product = ProductModels.AddOns.Single(a => a.Product == (string)o[3]!);
                var score = (double)o[4]!;
                var rule = o[8] is string antecedent ? (Antecedent: antecedent, Confidence: (double)o[9]!, Lift: (double)o[10]!) : default;
                var row = appender.CreateRow().AppendValue(day).AppendValue((Guid)o[0]!);
                if (o[1] is Guid project) row.AppendValue(project); else row.AppendNullValue();
                if (o[2] is Guid rep) row.AppendValue(rep); else row.AppendNullValue();
                row.AppendValue(product.Product).AppendValue(score).AppendValue((string)o[5]!)
                    .AppendValue(ReasonZh(product, score, (string)o[6]!, rule)).AppendValue(ReasonEn(product, score, (string)o[7]!, rule)).EndRow();
            }
        }
        await transaction.CommitAsync(ct);
        return offers.Count;
    }

    private static string ReasonZh(AddOnProduct product, double score, string reasons, (string Antecedent, double Confidence, double Lift) rule) =>
        string.Create(CultureInfo.InvariantCulture, $"推荐{product.NameZh}（{score:P0}）：{reasons}")
        + (rule.Antecedent is null ? "" : string.Create(CultureInfo.InvariantCulture, $"；买了 {rule.Antecedent} 的客户 {rule.Confidence:P0} 也买了{product.NameZh}（提升度 {rule.Lift:0.00}）"));

    private static string ReasonEn(AddOnProduct product, double score, string reasons, (string Antecedent, double Confidence, double Lift) rule) =>
        string.Create(CultureInfo.InvariantCulture, $"offer {product.NameEn} ({score:P0}): {reasons}")
        + (rule.Antecedent is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; {rule.Confidence:P0} of buyers with {rule.Antecedent} bought it too (lift {rule.Lift:0.00})"));
}
