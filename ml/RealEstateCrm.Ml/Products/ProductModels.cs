using RealEstateCrm.Ml.Training;

namespace RealEstateCrm.Ml.Products;

/// <summary>The three product models: lead score, churn, and one cross-sell classifier per add-on product.</summary>
public static class ProductModels
{
    /// <summary>P(an open lead reaches a reservation within 90 days).</summary>
    public static readonly ProductModel LeadScore = new("lead-score", "lead_features({0})", "lead_id", "lead_labels({0}, {1})", 90);

    /// <summary>P(a buyer's relationship is lost within 90 days: a reservation or contract cancelled, or the owner leaving the
    /// property service). FastTree: it ranked the demo data's later churners best (ml/README.md); logistic regression misses
    /// the capped counts and thresholds (open complaints up to 3, any repair past its SLA) that drive both.</summary>
    public static readonly ProductModel Churn = new("churn", "customer_features({0})", "customer_id", "churn_labels({0}, {1})", 90);

    /// <summary>The add-on products (the customer tag that records a purchase, or <c>second-unit</c> for another contract).</summary>
    public static readonly IReadOnlyList<AddOnProduct> AddOns =
    [
        new("addon:parking", "车位", "parking space"),
        new("addon:storage", "储藏室", "storage room"),
        new("addon:renovation", "装修包", "renovation package"),
        new("addon:service-upgrade", "物业服务升级", "property-service upgrade"),
        new("second-unit", "第二套房", "a second unit"),
    ];

    /// <summary>P(a buyer not owning the add-on buys it within 180 days), one model per product. The add-ons are
    /// logistic regression: the propensity to buy one is close to linear in bedrooms, family size and income level, and
    /// the offer's remaining window, and a linear model learns that from a few dozen buyers where trees do not. A second
    /// unit is a new purchase, not an add-on, and keeps the trees.</summary>
    public static readonly IReadOnlyList<ProductModel> CrossSell =
        AddOns.Select(a => new ProductModel(a.ModelName, $"addon_candidates({{0}}, '{a.Product}')", "customer_id", $"addon_labels({{0}}, {{1}}, '{a.Product}')", 180,
            a.Product.StartsWith("addon:", StringComparison.Ordinal) ? TrainerKind.LogisticRegression : TrainerKind.FastTree)).ToList();

    public static IEnumerable<ProductModel> All => [LeadScore, Churn, .. CrossSell];
}

/// <summary>An add-on product and its name in Chinese and English.</summary>
public sealed record AddOnProduct(string Product, string NameZh, string NameEn)
{
    public string ModelName => "cross-sell-" + Product.Replace("addon:", "", StringComparison.Ordinal);
}
