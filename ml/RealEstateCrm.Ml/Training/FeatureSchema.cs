using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>The feature vector a model was trained on: its source columns in slot order, and the result columns that
/// were left out (with why). Saved with every model; scoring checks new data against it.</summary>
public sealed record FeatureSchema(IReadOnlyList<FeatureColumn> Columns, IReadOnlyList<IgnoredColumn> Ignored)
{
    public int Slots => Columns.Sum(c => c.Slots);

    /// <summary>For each slot, the index in <see cref="Columns"/> it belongs to.</summary>
    public int[] SlotOwners() => Columns.SelectMany((c, i) => Enumerable.Repeat(i, c.Slots)).ToArray();

    /// <summary>One row's feature vector, through the encoders <see cref="Bind"/> made.</summary>
    internal float[] Encode(ColumnEncoder[] encoders, int row)
    {
        var vector = new float[Slots];
        var offset = 0;
        for (var c = 0; c < Columns.Count; c++)
        {
            encoders[c].Encode(row, vector.AsSpan(offset, Columns[c].Slots));
            offset += Columns[c].Slots;
        }
        return vector;
    }

    /// <summary>The table's column for each feature column; the table must have every one with the kind it had in
    /// training, or an <see cref="MlInputException"/> (field <c>schema</c>) names the differences.</summary>
    internal ColumnEncoder[] Bind(QueryTable table)
    {
        var missing = Columns.Where(c => table.Find(c.Name) is null).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new MlInputException("schema", $"the data lacks the model's feature column(s) {string.Join(", ", missing)}; the model was trained on {string.Join(", ", Columns.Select(c => c.Name))}");
        var sources = Columns.Select(c => table.Find(c.Name)!).ToArray();
        var wrong = Columns.Zip(sources).Where(p => !Compatible(p.First.SourceKind, p.Second.Kind))
            .Select(p => $"'{p.First.Name}' is {p.Second.DuckType} but was {p.First.DuckType} in training").ToList();
        if (wrong.Count > 0) throw new MlInputException("schema", $"feature column type mismatch: {string.Join("; ", wrong)}");
        return Columns.Zip(sources, (feature, source) => new ColumnEncoder(feature, source)).ToArray();
    }

    // INTEGER in training and BIGINT now is the same feature; text where a number was expected is not.
    private static bool Compatible(ColumnKind trained, ColumnKind now) =>
        trained == now || (trained is ColumnKind.Numeric or ColumnKind.Boolean && now is ColumnKind.Numeric or ColumnKind.Boolean);
}

/// <summary>A result column that is not a feature, and why (the label, excluded, the time column, a type that is not a feature).</summary>
public sealed record IgnoredColumn(string Name, string Reason);
