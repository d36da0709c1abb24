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

    /// <summary>The <paramref name="facts"/>' statements in their order, each tracked fact's between the noting of its days
    /// before and the refresh of its rollups after: next to its own fact, so the transformations waiting for a table read
    /// late (<see cref="Batch.TransformQueue"/>) are only the ones that read it, not every fact after the first such note.</summary>
    public static IEnumerable<string> Around(IEnumerable<(string Fact, IReadOnlyList<string> Statements)> facts, bool full, IReadOnlySet<string> touched)
    {
        var untracked = OlapRollups.All.Select(r => r.Fact).Except(Facts.Select(t => t.Fact)).ToList();
        if (untracked.Count > 0) throw new InvalidOperationException($"rollups of {string.Join(", ", untracked)} have no refresh rule here: they would go stale");
        var refreshed = Facts.Where(t => full || t.AffectedBy(touched)).ToDictionary(t => t.Fact, StringComparer.Ordinal);
        foreach (var (fact, statements) in facts)
        {
            var tracked = refreshed.GetValueOrDefault(fact);
            // A full load recomputes every day: no days to note.
            if (tracked is not null && !full)
                yield return $"""
                    CREATE OR REPLACE TEMP TABLE {tracked.DaysTable} AS
                    WITH affected AS ({tracked.Affected})
                    SELECT {tracked.DateKey} AS date_key FROM {tracked.Fact} WHERE {tracked.IdColumn} IN (SELECT id FROM affected)
                    UNION SELECT date_key({tracked.MirrorTime}) FROM {tracked.Mirror} WHERE id IN (SELECT id FROM affected)
                    """;
            foreach (var sql in statements) yield return sql;
            if (tracked is null) continue;
            foreach (var sql in OlapRollups.RefreshStatements(tracked.Fact, full ? null : $"SELECT date_key FROM {tracked.DaysTable}")) yield return sql;
        }
    }
}
