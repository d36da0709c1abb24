using Microsoft.ML;
using Microsoft.ML.Data;
using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>Rows of a query result as an ML.NET data view: a boolean Label and a fixed-size Features vector. Rows are
/// encoded as the trainer or scorer reads them, so a large result is never held twice (values and vectors).</summary>
internal static class FeatureRows
{
    public const string Label = nameof(Row.Label);
    public const string Features = nameof(Row.Features);

    /// <summary>The view over <paramref name="rows"/> of <paramref name="table"/>; the schema check runs now, not on first read.
    /// <paramref name="labels"/> is indexed by table row.</summary>
    public static IDataView Load(MLContext ml, FeatureSchema schema, QueryTable table, IReadOnlyList<int> rows, IReadOnlyList<bool>? labels)
    {
        var encoders = schema.Bind(table);
        return ml.Data.LoadFromEnumerable(rows.Select(row => new Row { Features = schema.Encode(encoders, row), Label = labels?[row] ?? false }), Definition(schema.Slots));
    }

    /// <summary>The input schema a saved model records.</summary>
    public static DataViewSchema Schema(MLContext ml, int slots) => ml.Data.LoadFromEnumerable(Array.Empty<Row>(), Definition(slots)).Schema;

    private static SchemaDefinition Definition(int slots)
    {
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, slots);
        return definition;
    }

    private sealed class Row
    {
        public bool Label { get; set; }
        public float[] Features { get; set; } = [];
    }
}
