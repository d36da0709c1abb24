using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Ml.Features;

/// <summary>The feature views: DuckDB table macros over the warehouse taking the scoring date <c>as_of</c>
/// (<c>lead_features(as_of)</c>, <c>customer_features</c>, <c>buyer_features</c>, <c>purchase_baskets</c>) and
/// the labels computed apart from them (<c>lead_labels(as_of, days)</c>, <c>churn_labels</c>, <c>addon_labels</c>).
/// Every feature is rebuilt from event times up to as_of, never from a row's current state.</summary>
public static class FeatureViews
{
    /// <summary>Creates or replaces the macros (embedded <c>Features/NN_*.sql</c>, in order).</summary>
    public static async Task InstallAsync(WarehouseDatabase warehouse, CancellationToken ct = default)
    {
        var assembly = typeof(FeatureViews).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Features.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            await using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            await warehouse.ExecuteAsync(await reader.ReadToEndAsync(ct), ct);
        }
    }

    /// <summary>A DuckDB timestamp literal for a scoring date (midnight UTC at the start of the day after
    /// <paramref name="day"/>: a score for a day knows everything that happened on it).</summary>
    public static string AsOf(DateOnly day) => $"TIMESTAMP '{day.AddDays(1):yyyy-MM-dd} 00:00:00'";
}
