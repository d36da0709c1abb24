using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Etl;

/// <summary>Keeps the warehouse's OLAP rollups (<see cref="OlapRollups"/>) equal to their facts inside each load
/// transaction: before the facts are rewritten it notes the days their old and new rows fall on, after it recomputes
/// those days of the rollups of every fact the load's changes can reach. A full load recomputes everything.</summary>
internal static class RollupRefresh
{
    /// <summary>A fact with rollups: the rows a load rewrites are its affected ids (Facts' rule: their table is made by the
    /// fact's first statements); their old days are still in the fact until its rows are deleted, their new days in the
    /// mirror, already loaded.</summary>
    private sealed record Tracked(string Fact, string IdColumn, string DateKey, string Mirror, string MirrorTime)
    {
        public string DaysTable => $"rollup_days_{Fact}";
    }

    private static readonly Tracked[] Facts =
    [
        new("fact_call", "call_record_id", "started_date_key", "ods_call_record", "started_at"),
        new("fact_work_order", "work_order_id", "opened_date_key", "ods_work_order", "opened_at"),
    ];

    /// <summary>The <paramref name="facts"/>' statements in their order, each tracked fact's between the noting of its days
    /// before and the refresh of its rollups after: next to its own fact, so the transformations waiting for a table read
    /// late (<see cref="Batch.TransformQueue"/>) are only the ones that read it, not every fact after the first such note.
    /// A fact the load leaves alone (its affected query reads none of the changed tables) keeps its rollups as they are:
    /// a micro-batch of calls skips the work orders'.</summary>
    public static IEnumerable<string> Around(IEnumerable<Batch.Facts.FactStatements> facts, bool full)
    {
        var untracked = OlapRollups.All.Select(r => r.Fact).Except(Facts.Select(t => t.Fact)).ToList();
        if (untracked.Count > 0) throw new InvalidOperationException($"rollups of {string.Join(", ", untracked)} have no refresh rule here: they would go stale");
        foreach (var (fact, ids, prepare, rewrite) in facts)
        {
            var tracked = Facts.SingleOrDefault(t => t.Fact == fact);
            foreach (var sql in prepare) yield return sql;
            // A full load (no ids) recomputes every day: no days to note.
            if (tracked is not null && ids is not null)
                yield return $"""
                    CREATE OR REPLACE TEMP TABLE {tracked.DaysTable} AS
                    SELECT {tracked.DateKey} AS date_key FROM {tracked.Fact} WHERE {tracked.IdColumn} IN ({ids})
                    UNION SELECT date_key({tracked.MirrorTime}) FROM {tracked.Mirror} WHERE id IN ({ids})
                    """;
            foreach (var sql in rewrite) yield return sql;
            if (tracked is null) continue;
            foreach (var sql in OlapRollups.RefreshStatements(tracked.Fact, full ? null : $"SELECT date_key FROM {tracked.DaysTable}")) yield return sql;
        }
    }
}
