using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>A feature column bound to the result column it reads: writes one row's slots.</summary>
internal sealed class ColumnEncoder
{
    private readonly FeatureColumn feature;
    private readonly QueryColumn source;
    private readonly Dictionary<string, int> categories;

    public ColumnEncoder(FeatureColumn feature, QueryColumn source)
    {
        this.feature = feature;
        this.source = source;
        categories = feature.Categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
    }

    public void Encode(int row, Span<float> slots)
    {
        switch (feature.Encoding)
        {
            case FeatureEncoding.Numeric:
                var value = source.NumberAt(row);
                slots[0] = (float)(double.IsNaN(value) ? feature.Replacement : value);
                if (feature.MissingIndicator) slots[1] = double.IsNaN(value) ? 1 : 0;
                break;
            case FeatureEncoding.OneHot:
                if (categories.TryGetValue(source.TextAt(row) ?? FeatureColumn.Missing, out var index)) slots[index] = 1;
                break;
            default:
                slots[(int)(FeatureColumn.Fnv1a(source.TextAt(row) ?? FeatureColumn.Missing) % (uint)feature.HashBuckets)] = 1;
                break;
        }
    }
}
