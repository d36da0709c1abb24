namespace RealEstateCrm.Warehouse.Olap;

/// <summary>Keeps the rollup tables of <see cref="OlapCatalog"/> equal to the aggregate of their facts. The ETL refreshes
/// the days it touched inside its load transaction; anything else that writes a fact directly rebuilds.</summary>
public static class OlapRollups
{
    public static IEnumerable<OlapRollup> All => OlapCatalog.Cubes.SelectMany(c => c.Rollups ?? []);

    /// <summary>Creates missing rollup tables from the facts as they are (empty on a new warehouse).</summary>
    public static async Task EnsureAsync(WarehouseDatabase warehouse, CancellationToken ct = default)
    {
        foreach (var rollup in All) await warehouse.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {rollup.Table} AS\n{rollup.SelectSql()}", ct);
    }

    /// <summary>Recomputes every rollup from its fact.</summary>
    public static async Task RebuildAsync(WarehouseDatabase warehouse, CancellationToken ct = default)
    {
        foreach (var fact in All.Select(r => r.Fact).Distinct())
            foreach (var sql in RefreshStatements(fact, days: null)) await warehouse.ExecuteAsync(sql, ct);
    }

    /// <summary>The statements that bring the rollups of <paramref name="fact"/> up to date for the date keys the query
    /// <paramref name="days"/> returns (every day when null): delete those days' rows, recompute them from the fact.</summary>
    public static IEnumerable<string> RefreshStatements(string fact, string? days)
    {
        foreach (var rollup in All.Where(r => r.Fact == fact))
        {
            yield return days is null ? $"DELETE FROM {rollup.Table}" : $"DELETE FROM {rollup.Table} WHERE {rollup.DateKey} IN ({days})";
            yield return $"INSERT INTO {rollup.Table}\n{rollup.SelectSql(days)}";
        }
    }

    /// <summary>Rows of the rollup table that a fresh aggregate of its fact lacks, plus the reverse: 0 when it is up to date.</summary>
    public static async Task<long> DifferingRowsAsync(WarehouseDatabase warehouse, OlapRollup rollup, CancellationToken ct = default) =>
        Convert.ToInt64(await warehouse.ScalarAsync($"""
            SELECT count(*) FROM ((SELECT * FROM {rollup.Table} EXCEPT ALL ({rollup.SelectSql()}))
                                  UNION ALL (({rollup.SelectSql()}) EXCEPT ALL SELECT * FROM {rollup.Table}))
            """, ct), System.Globalization.CultureInfo.InvariantCulture);
}
