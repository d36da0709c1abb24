namespace RealEstateCrm.Warehouse.Olap;

/// <summary>A LEFT JOIN a dimension attribute needs. Joins are written once per cube and shared by the
/// attributes that need them, so a query joins each dimension table at most once and only if it is used.
/// <paramref name="After"/> is the join this one's ON clause reads from (a snowflaked table such as building via unit).
/// <paramref name="Inner"/> when the fact's key is NOT NULL and always has its dimension row (dates): an inner join lets
/// DuckDB reorder it and push the dimension's filter into the fact scan, a LEFT JOIN would keep every fact row.</summary>
public sealed record OlapJoin(string Alias, string Table, string On, OlapJoin? After = null, bool Inner = false);

/// <summary>A groupable, filterable attribute of a dimension: <c>dimension.attribute</c> in queries.
/// <paramref name="Sql"/> is a model-owned expression over the fact (alias <c>f</c>) and its joins.
/// <paramref name="NeverNull"/>: its value is never NULL on a row the query reads (NOT NULL columns, through no outer
/// join), so in a ROLLUP or CUBE a NULL there can only be a subtotal (a test holds the flag to the schema).</summary>
public sealed record OlapAttribute(string Name, string Sql, Type Type, OlapJoin? Join = null, bool NeverNull = false);

/// <summary>A dimension of a cube. <paramref name="Hierarchy"/> lists attribute names from coarse to fine
/// (year › quarter › month › day); a drill down to a level groups by every level above it too.</summary>
public sealed record OlapDimension(string Name, string Description, IReadOnlyList<OlapAttribute> Attributes, IReadOnlyList<string> Hierarchy)
{
    public OlapAttribute? Find(string attribute) => Attributes.FirstOrDefault(a => a.Name == attribute);
}

/// <summary>A measure: one aggregate SQL expression. Rates and averages are ratios of sums, so a subtotal row
/// gets the rate of its whole group rather than the average of its children's rates. <see cref="RollupSql"/> is the
/// same measure over a rollup's summed parts (see <see cref="OlapRollup"/>); null when it cannot be derived from one.</summary>
public sealed record OlapMeasure(string Name, string Description, string Sql, Type Type)
{
    public string? RollupSql { get; init; }

    /// <summary>A count of fact rows: 0 over no rows, where its <see cref="RollupSql"/> (a sum) gives NULL.</summary>
    public bool IsCount => Sql.StartsWith("count(", StringComparison.Ordinal);
}

/// <summary>A cube: one fact table (alias <c>f</c>), its measures and its dimensions. <paramref name="From"/>
/// may add model-owned joins every query needs (the campaign touch counts that spread a campaign's cost).
/// <paramref name="Rollups"/>, smallest first: the pre-aggregated copies of the fact a query may read instead.</summary>
public sealed record OlapCube(string Name, string Description, string From,
    IReadOnlyList<OlapMeasure> Measures, IReadOnlyList<OlapDimension> Dimensions, IReadOnlyList<OlapRollup>? Rollups = null)
{
    public OlapMeasure? FindMeasure(string name) => Measures.FirstOrDefault(m => m.Name == name);
    public OlapDimension? FindDimension(string name) => Dimensions.FirstOrDefault(d => d.Name == name);
}
