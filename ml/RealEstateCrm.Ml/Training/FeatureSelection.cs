using RealEstateCrm.Ml.Data;

namespace RealEstateCrm.Ml.Training;

/// <summary>Which result columns are features and how each is read (numeric or categorical), from the DuckDB types
/// and the options; checks that every column the options name exists.</summary>
internal sealed record FeatureSelection(IReadOnlyList<(QueryColumn Column, bool Categorical)> Features, IReadOnlyList<IgnoredColumn> Ignored)
{
    public static FeatureSelection Choose(QueryTable table, TabularTrainingOptions options)
    {
        // A model finds its features by name when it scores; two columns of one name (a join's two ids) would be one.
        var twice = table.Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0) throw new MlInputException("sql", $"the query result has more than one column named {string.Join(", ", twice.Select(n => $"'{n}'"))}; give each its own alias");
        var ignored = new List<IgnoredColumn> { new(table.Column(options.Label, "label").Name, "the label") };
        foreach (var name in options.Exclude) ignored.Add(new IgnoredColumn(table.Column(name, "exclude").Name, "excluded"));
        if (options.TimeColumn is { } time) ignored.Add(new IgnoredColumn(table.Column(time, "time-column").Name, "the time column of the split"));
        var categorical = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in options.Categorical)
        {
            var column = table.Column(name, "categorical");
            if (column.Kind is not (ColumnKind.Numeric or ColumnKind.Text))
                throw new MlInputException("categorical", $"column '{column.Name}' is {column.DuckType}; only integer and text columns can be categorical");
            categorical.Add(column.Name);
        }

        var features = new List<(QueryColumn, bool)>();
        foreach (var column in table.Columns)
        {
            if (ignored.Any(i => string.Equals(i.Name, column.Name, StringComparison.OrdinalIgnoreCase))) continue;
            switch (column.Kind)
            {
                case ColumnKind.Time:
                    ignored.Add(new IgnoredColumn(column.Name, $"{column.DuckType}: dates and times are not features (derive a number from them in the query)"));
                    break;
                case ColumnKind.Other:
                    ignored.Add(new IgnoredColumn(column.Name, $"{column.DuckType}: not a feature type"));
                    break;
                default:
                    features.Add((column, column.Kind == ColumnKind.Text || categorical.Contains(column.Name)));
                    break;
            }
        }
        if (features.Count == 0)
            throw new MlInputException("sql", $"no feature columns left in the query result ({string.Join(", ", ignored.Select(i => $"{i.Name}: {i.Reason}"))})");
        return new FeatureSelection(features, ignored);
    }

    /// <summary>Learns each feature's encoding (mean, categories) from <paramref name="rows"/> only.</summary>
    public FeatureSchema Fit(QueryTable table, IReadOnlyList<int> rows, TabularTrainingOptions options) =>
        new(Features.Select(f => f.Categorical
                ? FeatureColumn.FitCategorical(f.Column, rows, options.MaxOneHotCategories, options.HashBuckets)
                : FeatureColumn.FitNumeric(f.Column, rows)).ToList(),
            Ignored);
}
