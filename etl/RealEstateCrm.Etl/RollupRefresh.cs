using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Etl;

/// <summary>Keeps the warehouse's OLAP rollups (<see cref="OlapRollups"/>) equal to their facts inside each load
/// transaction: before the facts are rewritten it notes the days their old and new rows fall on, after it recomputes
/// those days of every rollup. A full load recomputes everything.</summary>
internal static class RollupRefresh
{
    public static IEnumerable<string> Around(IEnumerable<string> factStatements, bool full)
    {
        // The calls a load rewrites are Facts' affected calls: changed call records, and the calls of changed call-list
        // entries. Their old days are still in fact_call here; their new days are in the mirror, already loaded.
        yield return """
            CREATE OR REPLACE TEMP TABLE rollup_days AS
            WITH calls AS (
                SELECT id FROM changed WHERE table_name = 'call_record'
                UNION SELECT id FROM ods_call_record WHERE call_list_entry_id IN (SELECT id FROM changed WHERE table_name = 'call_list_entry'))
            SELECT started_date_key AS date_key FROM fact_call WHERE call_record_id IN (SELECT id FROM calls)
            UNION SELECT date_key(started_at) FROM ods_call_record WHERE id IN (SELECT id FROM calls)
            """;
        foreach (var sql in factStatements) yield return sql;
        foreach (var sql in OlapRollups.RefreshStatements(["fact_call"], full ? null : "SELECT date_key FROM rollup_days")) yield return sql;
    }
}
