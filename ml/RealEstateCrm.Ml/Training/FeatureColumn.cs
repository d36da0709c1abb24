using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>How a source column becomes slots of the feature vector.</summary>
public enum FeatureEncoding
{
    /// <summary>The value, NULL replaced by the training mean; plus a 0/1 "was missing" slot when training saw NULLs.</summary>
    Numeric,
    /// <summary>One slot per category seen in training (NULL is the category "missing"); an unseen value sets none.</summary>
    OneHot,
    /// <summary>Too many categories for one-hot: the value's stable hash picks one of <see cref="FeatureColumn.HashBuckets"/> slots.</summary>
    Hashed,
}

/// <summary>One source column of the feature vector, with what training learned about it (mean, categories), so
/// scoring encodes new rows exactly as training did.</summary>
public sealed record FeatureColumn(
    string Name,
    ColumnKind SourceKind,
    string DuckType,
    FeatureEncoding Encoding,
    double Replacement,
    bool MissingIndicator,
    IReadOnlyList<string> Categories,
    int HashBuckets)
{
    /// <summary>The category a NULL becomes.</summary>
    public const string Missing = "missing";

    public int Slots => Encoding switch
    {
        FeatureEncoding.Numeric => MissingIndicator ? 2 : 1,
        FeatureEncoding.OneHot => Categories.Count,
        _ => HashBuckets,
    };

    internal static FeatureColumn FitNumeric(QueryColumn column, IReadOnlyList<int> rows)
    {
        double sum = 0;
        var present = 0;
        foreach (var row in rows)
        {
            var value = column.NumberAt(row);
            if (double.IsNaN(value)) continue;
            sum += value;
            present++;
        }
        return new FeatureColumn(column.Name, column.Kind, column.DuckType, FeatureEncoding.Numeric,
            present == 0 ? 0 : sum / present, present < rows.Count, [], 0);
    }

    internal static FeatureColumn FitCategorical(QueryColumn column, IReadOnlyList<int> rows, int maxOneHot, int hashBuckets)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var value = column.TextAt(row) ?? Missing;
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }
        if (counts.Count > maxOneHot)
            return new FeatureColumn(column.Name, column.Kind, column.DuckType, FeatureEncoding.Hashed, 0, false, [], hashBuckets);
        var categories = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();
        return new FeatureColumn(column.Name, column.Kind, column.DuckType, FeatureEncoding.OneHot, 0, false, categories, 0);
    }

    // string.GetHashCode is randomized per process; a saved model needs the same bucket tomorrow.
    internal static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(value))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return hash;
    }
}
