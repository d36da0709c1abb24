using Microsoft.ML;
using Microsoft.ML.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>Encoded rows as an ML.NET data view: a boolean Label and a fixed-size Features vector.</summary>
internal static class FeatureRows
{
    public const string Label = nameof(Row.Label);
    public const string Features = nameof(Row.Features);

    public static IDataView Load(MLContext ml, float[][] features, IReadOnlyList<bool>? labels, int slots)
    {
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slots);
        var rows = features.Select((f, i) => new Row { Features = f, Label = labels?[i] ?? false });
        return ml.Data.LoadFromEnumerable(rows.ToList(), definition);
    }

    private sealed class Row
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
