namespace RealEstateCrm.Warehouse.Olap;

/// <summary>An additive part of a cube's measures (a count or a sum, possibly filtered) that a rollup stores per group, as
/// <paramref name="StoredType"/>; summing it again over any set of rollup rows gives what <see cref="Sql"/> gives over the
/// same fact rows.</summary>
public sealed record OlapPart(string Name, string Sql, string StoredType)
{
    /// <summary>The part over a rollup's rows (alias <c>f</c>). Over no rows it is NULL, where a count over no fact rows is 0:
    /// <see cref="OlapSqlBuilder"/> adds the coalesce only where an aggregate can see no rows (see <see cref="OlapMeasure.IsCount"/>).</summary>
    public string Resummed => $"sum(f.{Name})";
}

/// <summary>A grouping column of a rollup: <paramref name="Sql"/> over the fact (alias <c>f</c>), stored under the fact's
/// own column name so the cube's joins read it unchanged (an hour-truncated <c>started_time_key</c> still joins dim_time_of_day).</summary>
public sealed record OlapRollupKey(string Column, string Sql);

/// <summary>A pre-aggregated copy of a fact: its <paramref name="Parts"/> summed per distinct <paramref name="Keys"/>.
/// <paramref name="Serves"/> lists what a query may group or filter by on it: a dimension name (all its attributes
/// depend only on a kept key) or <c>dimension.attribute</c>. The table is kept equal to the aggregate of the fact:
/// rebuilt, or refreshed day by day (<paramref name="DateKey"/>) by whatever writes the fact.</summary>
public sealed record OlapRollup(string Table, string Fact, string DateKey, IReadOnlyList<OlapRollupKey> Keys,
    IReadOnlyList<OlapPart> Parts, IReadOnlyList<string> Serves)
{
    public bool CanServe(OlapDimension dimension, OlapAttribute attribute) =>
        Serves.Contains(dimension.Name) || Serves.Contains($"{dimension.Name}.{attribute.Name}");

    /// <summary>The rollup's rows computed from the fact, for the days <paramref name="days"/> selects (all when null). In date
    /// order, so the table is stored by day (as the fact is loaded) and a date filter skips whole row groups.</summary>
    public string SelectSql(string? days = null) =>
        $"SELECT {string.Join(", ", Keys.Select(k => $"{k.Sql} AS {k.Column}").Concat(Parts.Select(p => $"CAST({p.Sql} AS {p.StoredType}) AS {p.Name}")))}\n" +
        $"FROM {Fact} f{(days is null ? "" : $"\nWHERE f.{DateKey} IN ({days})")}\nGROUP BY ALL\nORDER BY {DateKey}";
}
