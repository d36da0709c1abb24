using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Etl;

/// <summary>Keeps the warehouse's OLAP rollups (<see cref="OlapRollups"/>) equal to their facts inside each load
/// transaction: before the facts are rewritten it notes the days their old and new rows fall on, after it recomputes
/// those days of the rollups of every fact the load's changes can reach. A full load recomputes everything.</summary>
internal static class RollupRefresh
{
    /// <summary>A fact with rollups: the rows a load rewrites are Facts' affected ids (<paramref name="Affected"/>, the same
    /// rule); their old days are still in the fact when the load starts, their new days in the mirror, already loaded.</summary>
    private sealed record Tracked(string Fact, string IdColumn, string DateKey, string Mirror, string MirrorTime, string Affected)
    {
        public string DaysTable => $"rollup_days_{Fact}";

        /// <summary>Whether changes to the <paramref name="touched"/> source tables can move this fact's rows (the tables its
        /// affected query reads); if not, its rollups stay as they are, and a micro-batch of calls skips the work orders'.</summary>
        public bool AffectedBy(IReadOnlySet<string> touched) => Batch.Facts.ChangedTablesIn(Affected).Any(touched.Contains);
    }

    private static readonly Tracked[] Facts =
    [
        new("fact_call", "call_record_id", "started_date_key", "ods_call_record", "started_at",
            "SELECT id FROM changed WHERE table_name = 'call_record' " +
            "UNION SELECT id FROM ods_call_record WHERE call_list_entry_id IN (SELECT id FROM changed WHERE table_name = 'call_list_entry')"),
        new("fact_work_order", "work_order_id", "opened_date_key", "ods_work_order", "opened_at",
            "SELECT id FROM changed WHERE table_name = 'work_order' " +
            "UNION SELECT work_order_id FROM ods_compensation WHERE id IN (SELECT id FROM changed WHERE table_name = 'compensation')"),
    ];

    public static IEnumerable<string> Around(IEnumerable<string> factStatements, bool full, IReadOnlySet<string> touched)
    {
        var untracked = OlapRollups.All.Select(r => r.Fact).Except(Facts.Select(t => t.Fact)).ToList();
        if (untracked.Count > 0) throw new InvalidOperationException($"rollups of {string.Join(", ", untracked)} have no refresh rule here: they would go stale");
        var refreshed = Facts.Where(t => full || t.AffectedBy(touched)).ToList();
        // A full load recomputes every day: no days to note.
        foreach (var t in full ? [] : refreshed)
            yield return $"""
                CREATE OR REPLACE TEMP TABLE {t.DaysTable} AS
                WITH affected AS ({t.Affected})
                SELECT {t.DateKey} AS date_key FROM {t.Fact} WHERE {t.IdColumn} IN (SELECT id FROM affected)
                UNION SELECT date_key({t.MirrorTime}) FROM {t.Mirror} WHERE id IN (SELECT id FROM affected)
                """;
        foreach (var sql in factStatements) yield return sql;
        foreach (var t in refreshed)
            foreach (var sql in OlapRollups.RefreshStatements(t.Fact, full ? null : $"SELECT date_key FROM {t.DaysTable}")) yield return sql;
    }
}
