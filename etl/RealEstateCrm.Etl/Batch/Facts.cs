using System.Text.RegularExpressions;

namespace RealEstateCrm.Etl.Batch;

/// <summary>The fact loads: for the facts touched by this run's changes, delete and re-insert from ods, keyed
/// by the operational id, so applying the same changes twice leaves the same rows. Customer keys are the
/// dim_customer version valid when the event happened. A fact's Select narrows what it aggregates to the ids being
/// recomputed with its <see cref="Narrow"/> argument and reads its driving rows from the FROM item it is given (<see cref="DrivingRows"/>).
/// A full load, into emptied facts, inserts every row straight away.</summary>
internal static partial class Facts
{
    /// <summary>The condition that <paramref name="column"/> is one of the ids being recomputed (always true in a full load).</summary>
    private delegate string Narrow(string column);

    /// <summary>A fact loaded from its <paramref name="Driving"/> source table (one row per row of it), dated by the driving
    /// row's <paramref name="DateColumn"/>; <paramref name="Affected"/> are the queries of the fact ids that changes reach, one
    /// per source table whose changed ids it reads; its Select takes the narrowing and the FROM item giving the driving rows to
    /// recompute (<see cref="DrivingRows"/>).</summary>
    private sealed record Fact(string Table, string IdColumn, string Driving, string DateColumn, string[] Affected, Func<Narrow, string, string> Select)
    {
        /// <summary>The source tables whose changes reach the fact: when none of them changed, there is nothing to recompute.</summary>
        public IEnumerable<string> Sources => Affected.SelectMany(ChangedTablesIn);

        /// <summary>The query of the fact ids the changes to the <paramref name="touched"/> tables reach. The queries of the
        /// untouched tables are left out: DuckDB still scanned their mirrors (2.6 million visits, for one) to match no
        /// changed id, 0.05-0.1 s of a lead funnel's run.</summary>
        public string AffectedBy(IReadOnlySet<string> touched) =>
            string.Join(" UNION ", Affected.Where(query => ChangedTablesIn(query).Any(touched.Contains)));

        /// <summary>The ids an incremental run recomputes, kept per fact until the next run so the checks after the commit
        /// can find the rows it wrote (<see cref="Rewritten"/>).</summary>
        public string AffectedTable => $"affected_{Table}";
    }

    /// <summary>The source tables whose <c>changed</c> ids an affected-ids query reads.</summary>
    internal static IEnumerable<string> ChangedTablesIn(string affected) => ChangedTable().Matches(affected).Select(m => m.Groups[1].Value);

    [GeneratedRegex("table_name = '(\\w+)'")]
    private static partial Regex ChangedTable();

    private static string Changed(string table) => SourceTable.ChangedIds(table);

    /// <summary>The fact's driving rows, cut down to the ids being recomputed before anything is joined to them: a filter on
    /// the joined result (an IN subquery over the whole select) is not pushed below the outer joins, so every fact row was
    /// built and then thrown away but the few affected. When only the driving table's own changes affect the fact, those ids
    /// are its changed rows, which the run holds apart when it read them by id (<see cref="SourceTable.ChangedRows"/>).</summary>
    private static string DrivingRows(Fact fact, IReadOnlySet<string> touched, IReadOnlySet<string> byId) =>
        fact.Sources.Where(touched.Contains).All(s => s == fact.Driving) ? SourceTable.ChangedRows(fact.Driving, full: false, byId)
        : SourceTable.RowsWithIds(fact.Driving, $"SELECT id FROM {fact.AffectedTable}");

    private static string CustomerAt(string alias, string customerId, string at) =>
        $"LEFT JOIN dim_customer {alias} ON {alias}.customer_id = {customerId} AND {at} >= {alias}.valid_from AND {at} < {alias}.valid_to";

    private static readonly Fact[] All =
    [
        new("fact_lead_funnel", "lead_id", "lead", "created_at",
            [
                Changed("lead"),
                $"SELECT lead_id FROM ods_visit WHERE id IN ({Changed("visit")})",
                $"SELECT lead_id FROM ods_reservation WHERE id IN ({Changed("reservation")})",
                $"SELECT r.lead_id FROM ods_contract k JOIN ods_reservation r ON r.id = k.reservation_id WHERE k.id IN ({Changed("contract")})",
                $"SELECT r.lead_id FROM ods_cancellation x JOIN ods_reservation r ON r.id = x.reservation_id WHERE x.id IN ({Changed("cancellation")})",
            ],
            (narrow, driving) => $"""
            SELECT l.id AS lead_id, c.customer_key, p.project_key, ch.channel_key, ca.campaign_key, rep.sales_rep_key, l.status, l.lost_reason,
                   comp.competitor_key, date_key(l.created_at), l.created_at, l.first_contact_at, v.first_visit_at, rs.reserved_at, ct.contracted_at, cn.cancelled_at,
                   date_diff('second', l.created_at, l.first_contact_at) / 3600.0,
                   date_diff('second', l.created_at, v.first_visit_at) / 86400.0,
                   date_diff('second', l.created_at, rs.reserved_at) / 86400.0,
                   date_diff('second', l.created_at, ct.contracted_at) / 86400.0
            FROM {driving} l
            {CustomerAt("c", "l.customer_id", "l.created_at")}
            LEFT JOIN dim_project p ON p.project_id = l.project_id
            LEFT JOIN dim_channel ch ON ch.channel = l.channel
            LEFT JOIN dim_campaign ca ON ca.campaign_id = l.campaign_id
            LEFT JOIN dim_sales_rep rep ON rep.user_id = l.assigned_rep_user_id
            LEFT JOIN dim_competitor comp ON comp.competitor_id = l.lost_to_competitor_id
            LEFT JOIN (SELECT lead_id, min(visited_at) AS first_visit_at FROM ods_visit WHERE {narrow("lead_id")} GROUP BY lead_id) v ON v.lead_id = l.id
            LEFT JOIN (SELECT lead_id, min(reserved_at) AS reserved_at FROM ods_reservation WHERE {narrow("lead_id")} GROUP BY lead_id) rs ON rs.lead_id = l.id
            LEFT JOIN (SELECT r.lead_id, min(k.signed_at) AS contracted_at FROM ods_contract k JOIN ods_reservation r ON r.id = k.reservation_id WHERE {narrow("r.lead_id")} GROUP BY r.lead_id) ct ON ct.lead_id = l.id
            LEFT JOIN (SELECT r.lead_id, min(x.cancelled_at) AS cancelled_at FROM ods_cancellation x JOIN ods_reservation r ON r.id = x.reservation_id WHERE {narrow("r.lead_id")} GROUP BY r.lead_id) cn ON cn.lead_id = l.id
            """),
        new("fact_sale", "contract_id", "contract", "signed_at", [Changed("contract")],
            (narrow, driving) => $"""
            SELECT k.id AS contract_id, k.contract_no, date_key(k.signed_at), c.customer_key, u.unit_key, p.project_key, b.building_key, rep.sales_rep_key,
                   k.payment_method, k.status, k.list_price, k.discount_amount, k.final_price, k.area, k.signed_at
            FROM {driving} k
            {CustomerAt("c", "k.customer_id", "k.signed_at")}
            LEFT JOIN dim_unit u ON u.unit_id = k.unit_id
            LEFT JOIN dim_project p ON p.project_id = u.project_id
            LEFT JOIN dim_building b ON b.building_id = u.building_id
            LEFT JOIN dim_sales_rep rep ON rep.user_id = k.rep_user_id
            """),
        new("fact_payment", "payment_id", "payment", "paid_at", [Changed("payment")],
            (narrow, driving) => $"""
            SELECT x.id AS payment_id, x.contract_id, date_key(x.paid_at), c.customer_key, u.unit_key, p.project_key, s.kind, x.channel, x.amount, x.paid_at
            FROM {driving} x
            JOIN ods_contract k ON k.id = x.contract_id
            LEFT JOIN ods_payment_schedule_item s ON s.id = x.schedule_item_id
            {CustomerAt("c", "k.customer_id", "x.paid_at")}
            LEFT JOIN dim_unit u ON u.unit_id = k.unit_id
            LEFT JOIN dim_project p ON p.project_id = u.project_id
            """),
        new("fact_call", "call_record_id", "call_record", "started_at",
            [Changed("call_record"), $"SELECT id FROM ods_call_record WHERE call_list_entry_id IN ({Changed("call_list_entry")})"],
            (narrow, driving) => $"""
            SELECT r.id AS call_record_id, r.call_id, date_key(r.started_at), time_key(r.started_at), c.customer_key, a.agent_key, q.queue_key,
                   r.direction, r.outcome, r.outcome = 'Abandoned', r.ivr_path, r.wait_seconds, r.talk_seconds, e.disposition, r.started_at
            FROM {driving} r
            {CustomerAt("c", "r.customer_id", "r.started_at")}
            LEFT JOIN dim_agent a ON a.agent_id = r.agent_id
            LEFT JOIN dim_queue q ON q.queue = r.queue
            LEFT JOIN ods_call_list_entry e ON e.id = r.call_list_entry_id
            """),
        new("fact_work_order", "work_order_id", "work_order", "opened_at",
            [Changed("work_order"), $"SELECT work_order_id FROM ods_compensation WHERE id IN ({Changed("compensation")})"],
            (narrow, driving) => $"""
            SELECT w.id AS work_order_id, w.number, w.type, w.status, w.priority, date_key(w.opened_at), c.customer_key, p.project_key, u.unit_key,
                   cat.complaint_category_key, con.contractor_key, w.opened_at, w.due_at, w.first_response_at, w.resolved_at, w.closed_at,
                   date_diff('second', w.opened_at, w.first_response_at) / 3600.0, date_diff('second', w.opened_at, w.resolved_at) / 3600.0,
                   CASE WHEN w.resolved_at IS NOT NULL THEN w.resolved_at <= w.due_at END, w.escalation_level, w.reopen_count,
                   coalesce(comp.amount, 0), w.repair_cost
            FROM {driving} w
            {CustomerAt("c", "w.customer_id", "w.opened_at")}
            LEFT JOIN dim_project p ON p.project_id = w.project_id
            LEFT JOIN dim_unit u ON u.unit_id = w.unit_id
            LEFT JOIN dim_complaint_category cat ON cat.complaint_category_id = w.category_id
            LEFT JOIN dim_contractor con ON con.contractor_id = w.contractor_id
            LEFT JOIN (SELECT work_order_id, sum(amount) AS amount FROM ods_compensation WHERE {narrow("work_order_id")} GROUP BY work_order_id) comp ON comp.work_order_id = w.id
            """),
        new("fact_inspection_issue", "inspection_issue_id", "inspection_issue", "found_at",
            [Changed("inspection_issue"), $"SELECT id FROM ods_inspection_issue WHERE inspection_unit_id IN ({Changed("inspection_unit")})"],
            (narrow, driving) => $"""
            SELECT i.id AS inspection_issue_id, date_key(i.found_at), b.kind, p.project_key, u.unit_key, c.customer_key, cat.complaint_category_key,
                   i.severity, i.found_at, i.fixed_at, date_diff('second', i.found_at, i.fixed_at) / 86400.0, i.work_order_id IS NOT NULL
            FROM {driving} i
            JOIN ods_inspection_unit iu ON iu.id = i.inspection_unit_id
            JOIN ods_inspection_batch b ON b.id = iu.batch_id
            {CustomerAt("c", "iu.customer_id", "i.found_at")}
            LEFT JOIN dim_project p ON p.project_id = b.project_id
            LEFT JOIN dim_unit u ON u.unit_id = iu.unit_id
            LEFT JOIN dim_complaint_category cat ON cat.complaint_category_id = i.category_id
            """),
        new("fact_campaign_touch", "campaign_member_id", "campaign_member", "added_at", [Changed("campaign_member")],
            (narrow, driving) => $"""
            SELECT m.id AS campaign_member_id, ca.campaign_key, c.customer_key, ch.channel_key, date_key(m.added_at), m.added_at, m.responded_at, m.responded_at IS NOT NULL
            FROM {driving} m
            JOIN ods_campaign oc ON oc.id = m.campaign_id
            {CustomerAt("c", "m.customer_id", "m.added_at")}
            LEFT JOIN dim_campaign ca ON ca.campaign_id = m.campaign_id
            LEFT JOIN dim_channel ch ON ch.channel = oc.channel
            """),
        new("fact_competitor_price", "observation_id", "competitor_price_observation", "observed_on",
            [Changed("competitor_price_observation"), $"SELECT id FROM ods_competitor_price_observation WHERE competitor_project_id IN ({Changed("competitor_project")})"],
            (narrow, driving) => $"""
            SELECT o.id AS observation_id, comp.competitor_key, cp.name, cp.city, cp.district, p.project_key, date_key(o.observed_on), o.price_per_sqm, o.source
            FROM {driving} o
            JOIN ods_competitor_project cp ON cp.id = o.competitor_project_id
            LEFT JOIN dim_competitor comp ON comp.competitor_id = cp.competitor_id
            LEFT JOIN dim_project p ON p.project_id = cp.near_project_id
            """),
    ];

    /// <summary>One fact's statements in a load: <paramref name="Prepare"/> makes the table of the ids an incremental load
    /// recomputes, which <paramref name="Ids"/> selects (<see cref="RollupRefresh"/> notes their rollup days between the two;
    /// a full load, which rewrites everything, has neither), and <paramref name="Rewrite"/> deletes and inserts the rows.</summary>
    internal sealed record FactStatements(string Fact, string? Ids, IReadOnlyList<string> Prepare, IReadOnlyList<string> Rewrite);

    /// <summary>The statements for the facts that changes to the <paramref name="touched"/> source tables affect, fact by
    /// fact (so each fact's rollups can be refreshed next to it, <see cref="RollupRefresh"/>); with <paramref name="full"/>
    /// (the facts are empty, every row is new), one plain insert per fact.</summary>
    public static IEnumerable<FactStatements> Statements(IReadOnlySet<string> touched, bool full, IReadOnlySet<string> byId) =>
        All.Where(f => f.Sources.Any(touched.Contains)).Select(fact => full
            ? new FactStatements(fact.Table, null, [], [$"INSERT INTO {fact.Table} {fact.Select(_ => "true", $"ods_{fact.Driving}")}"])
            : new FactStatements(fact.Table, $"SELECT id FROM {fact.AffectedTable}",
                [$"CREATE OR REPLACE TEMP TABLE {fact.AffectedTable} AS SELECT DISTINCT id FROM ({fact.AffectedBy(touched)}) a(id) WHERE id IS NOT NULL"],
                [
                    $"DELETE FROM {fact.Table} WHERE {fact.IdColumn} IN (SELECT id FROM {fact.AffectedTable})",
                    $"INSERT INTO {fact.Table} {fact.Select(column => $"{column} IN (SELECT id FROM {fact.AffectedTable})", DrivingRows(fact, touched, byId))}",
                ]));

    /// <summary>The earliest and latest date of the facts a load can have added, as one row (NULLs when it added none): the
    /// dates of the driving rows it extracted, all of them in a full load (<paramref name="touched"/> and <paramref name="byId"/>
    /// as for <see cref="Statements"/>). A fact the run rewrote without its driving row changing keeps the date it had.</summary>
    public static string ExtractedDates(IReadOnlySet<string> touched, bool full, IReadOnlySet<string> byId) =>
        "SELECT CAST(min(lo) AS DATE), CAST(max(hi) AS DATE) FROM ("
        + string.Join(" UNION ALL ", All.Where(f => touched.Contains(f.Driving))
            .Select(f => $"SELECT min({f.DateColumn}) lo, max({f.DateColumn}) hi FROM {SourceTable.ChangedRows(f.Driving, full, byId)}")
            .DefaultIfEmpty("SELECT NULL lo, NULL hi"))
        + ")";

    /// <summary>For the checks after an incremental run (<see cref="DataQualityScope"/>): each fact it rewrote rows of, with
    /// the condition on the fact's columns that selects those rows (on the same connection, before the next run).</summary>
    public static IEnumerable<(string Fact, string Rows)> Rewritten(IReadOnlySet<string> touched, bool snapshots)
    {
        foreach (var fact in All.Where(f => f.Sources.Any(touched.Contains)))
            yield return (fact.Table, $"{fact.IdColumn} IN (SELECT id FROM {fact.AffectedTable})");
        if (!snapshots) yield break;
        foreach (var snapshot in new[] { "fact_unit_status_daily", "fact_open_work_orders_daily" })
            yield return (snapshot, "snapshot_date_key = date_key(getvariable('snapshot_date'))");
    }

    /// <summary>The periodic snapshots for the run date (China Standard Time), replaced if the date is run again.</summary>
    public static IEnumerable<string> SnapshotStatements()
    {
        yield return "DELETE FROM fact_unit_status_daily WHERE snapshot_date_key = date_key(getvariable('snapshot_date'))";
        yield return """
            INSERT INTO fact_unit_status_daily
            SELECT date_key(getvariable('snapshot_date')), p.project_key, u.status, count(*), sum(u.area), sum(u.list_price)
            FROM ods_unit u JOIN dim_project p ON p.project_id = u.project_id
            GROUP BY p.project_key, u.status
            """;
        yield return "DELETE FROM fact_open_work_orders_daily WHERE snapshot_date_key = date_key(getvariable('snapshot_date'))";
        yield return """
            INSERT INTO fact_open_work_orders_daily
            SELECT date_key(getvariable('snapshot_date')), p.project_key, cat.complaint_category_key, w.priority, count(*),
                   count(*) FILTER (WHERE w.due_at < getvariable('as_of'))
            FROM ods_work_order w
            LEFT JOIN dim_project p ON p.project_id = w.project_id
            LEFT JOIN dim_complaint_category cat ON cat.complaint_category_id = w.category_id
            WHERE w.status IN ('Open', 'Dispatched', 'InProgress')
            GROUP BY ALL
            """;
    }
}
