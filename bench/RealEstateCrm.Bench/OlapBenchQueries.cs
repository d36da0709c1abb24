using RealEstateCrm.Warehouse.Olap;
using static RealEstateCrm.Warehouse.Olap.OlapFilter;

namespace RealEstateCrm.Bench;

/// <summary>Twenty dashboard queries, each as an <see cref="OlapQuery"/> and as the best SQL a DBA would write by hand
/// for the same rows: only the joins needed (LEFT JOIN where the fact's key may be NULL, as an unanswered call has no
/// agent, so both count the same calls), and the smallest rollup table that holds what the query needs where one does
/// (agg_call_day_outcome, agg_call_day_queue_hour, agg_call_day_queue_agent, agg_work_order_day_project_category; the
/// rates as ratios of their summed parts),
/// the fact otherwise: the same table the layer picks. Values are bound parameters, as an application must bind them,
/// and rows come ordered by their groups (subtotals last), since a dashboard shows them in order.</summary>
internal static class OlapBenchQueries
{
    /// <param name="HandValues">The hand-written SQL's <c>$1</c>, <c>$2</c>, ... values: an application binds them as the layer does.</param>
    public sealed record Case(string Name, OlapQuery Query, string HandSql, params object[] HandValues);

    private static readonly DateOnly March1 = new(2026, 3, 1), March31 = new(2026, 3, 31);

    private const string Dd = "JOIN dim_date d ON d.date_key = f.started_date_key";

    // The same measures over a rollup's parts.
    private const string ROffered = "sum(offered)";
    private const string RSl = "CAST(sum(answered_within_20s) AS DOUBLE) / nullif(sum(offered), 0)";
    private const string RAsa = "CAST(sum(answered_wait_seconds) AS DOUBLE) / nullif(sum(answered), 0)";
    private const string RAbandon = "CAST(sum(abandoned) AS DOUBLE) / nullif(sum(offered), 0)";
    private const string RAht = "CAST(sum(answered_talk_seconds) AS DOUBLE) / nullif(sum(answered), 0)";
    private const string ByDay = "agg_call_day_outcome f";
    private const string ByQueueHour = "agg_call_day_queue_hour f";
    private const string ByQueueAgent = "agg_call_day_queue_agent f";

    public static IReadOnlyList<Case> All { get; } =
    [
        new("calls: KPIs 2026", new("calls", ["offered", "service_level", "asa", "abandon_rate", "aht"], Filters: [Equal("date.year", 2026)]),
            $"SELECT {ROffered}, {RSl}, {RAsa}, {RAbandon}, {RAht} FROM {ByDay} {Dd} WHERE d.year = $1", 2026),
        new("calls: by month, queue, rollup", new("calls", ["service_level", "asa", "abandon_rate"], ["date.month", "queue"], Totals: OlapTotals.Rollup),
            $"SELECT strftime(d.full_date, '%Y-%m'), q.queue, {RSl}, {RAsa}, {RAbandon} FROM {ByQueueHour} {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key GROUP BY ROLLUP (strftime(d.full_date, '%Y-%m'), q.queue) ORDER BY 1 NULLS LAST, 2 NULLS LAST"),
        new("calls: by month 2026", new("calls", ["offered", "service_level"], ["date.month"], [Equal("date.year", 2026)]),
            $"SELECT strftime(d.full_date, '%Y-%m'), {ROffered}, {RSl} FROM {ByDay} {Dd} WHERE d.year = $1 GROUP BY 1 ORDER BY 1", 2026),
        new("calls: daily, one month", new("calls", ["offered", "answered", "abandoned"], ["date.day"], [Between("date.day", "2026-03-01", "2026-03-31")]),
            $"SELECT d.full_date, {ROffered}, sum(answered), sum(abandoned) FROM {ByDay} {Dd} WHERE d.full_date BETWEEN $1 AND $2 GROUP BY 1 ORDER BY 1", March1, March31),
        new("calls: by queue", new("calls", ["offered", "service_level", "asa"], ["queue"]),
            $"SELECT q.queue, {ROffered}, {RSl}, {RAsa} FROM {ByQueueHour} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key GROUP BY 1 ORDER BY 1"),
        new("calls: top 10 agents by answered", new("calls", ["answered", "aht"], ["agent"], [Equal("date.year", 2026)], Top: 10),
            $"SELECT a.agent_no, sum(answered) AS answered, {RAht} FROM {ByQueueAgent} {Dd} LEFT JOIN dim_agent a ON a.agent_key = f.agent_key WHERE d.year = $1 GROUP BY 1 ORDER BY answered DESC, 1 LIMIT $2", 2026, 10L),
        new("calls: by hour", new("calls", ["offered", "service_level"], ["time.hour"]),
            $"SELECT t.hour, {ROffered}, {RSl} FROM {ByQueueHour} LEFT JOIN dim_time_of_day t ON t.time_key = f.started_time_key GROUP BY 1 ORDER BY 1"),
        new("calls: day part x queue, cube", new("calls", ["offered", "abandon_rate"], ["time.day_part", "queue"], Totals: OlapTotals.Cube),
            $"SELECT t.day_part, q.queue, {ROffered}, {RAbandon} FROM {ByQueueHour} LEFT JOIN dim_time_of_day t ON t.time_key = f.started_time_key LEFT JOIN dim_queue q ON q.queue_key = f.queue_key GROUP BY CUBE (t.day_part, q.queue) ORDER BY 1 NULLS LAST, 2 NULLS LAST"),
        new("calls: working vs non-working days", new("calls", ["offered", "service_level"], ["date.is_working_day"], [Equal("date.year", 2026)]),
            $"SELECT d.is_working_day, {ROffered}, {RSl} FROM {ByDay} {Dd} WHERE d.year = $1 GROUP BY 1 ORDER BY 1", 2026),
        new("calls: drill year › quarter › month", new("calls", ["calls", "talk_seconds"], Drill: "date.month", Totals: OlapTotals.Rollup),
            $"SELECT d.year, concat(d.year, '-Q', d.quarter), strftime(d.full_date, '%Y-%m'), sum(calls), sum(talk_seconds) FROM {ByDay} {Dd} GROUP BY ROLLUP (d.year, concat(d.year, '-Q', d.quarter), strftime(d.full_date, '%Y-%m')) ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST"),
        new("calls: two queues, one quarter", new("calls", ["service_level", "asa"], ["queue", "date.month"], [In("queue", "售前咨询", "投诉"), Between("date.day", "2026-01-01", "2026-03-31")]),
            $"SELECT q.queue, strftime(d.full_date, '%Y-%m'), {RSl}, {RAsa} FROM {ByQueueHour} {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key WHERE q.queue IN ($1, $2) AND d.full_date BETWEEN $3 AND $4 GROUP BY 1, 2 ORDER BY 1, 2", "售前咨询", "投诉", new DateOnly(2026, 1, 1), March31),
        new("calls: month vs previous, by queue", new("calls", ["offered", "service_level"], ["queue"], [Between("date.day", "2026-03-01", "2026-03-31")], Compare: OlapComparison.PreviousPeriod),
            $"WITH c AS (SELECT q.queue, {ROffered} o, {RSl} s FROM {ByQueueHour} {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key WHERE d.full_date BETWEEN $1 AND $2 GROUP BY 1), " +
            $"p AS (SELECT q.queue, {ROffered} o, {RSl} s FROM {ByQueueHour} {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key WHERE d.full_date BETWEEN $3 AND $4 GROUP BY 1) " +
            "SELECT coalesce(c.queue, p.queue), c.o, p.o, c.o - p.o, c.s, p.s, c.s - p.s FROM c FULL JOIN p ON c.queue = p.queue ORDER BY 1", March1, March31, new DateOnly(2026, 1, 29), new DateOnly(2026, 2, 28)),
        new("calls: quarter vs a year ago", new("calls", ["offered", "abandon_rate", "aht"], Filters: [Between("date.day", "2026-01-01", "2026-03-31")], Compare: OlapComparison.PreviousYear),
            $"WITH c AS (SELECT {ROffered} o, {RAbandon} a, {RAht} h FROM {ByDay} {Dd} WHERE d.full_date BETWEEN $1 AND $2), " +
            $"p AS (SELECT {ROffered} o, {RAbandon} a, {RAht} h FROM {ByDay} {Dd} WHERE d.full_date BETWEEN $3 AND $4) " +
            "SELECT c.o, p.o, c.o - p.o, c.a, p.a, c.a - p.a, c.h, p.h, c.h - p.h FROM c, p", new DateOnly(2026, 1, 1), March31, new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)),
        new("calls: by direction and outcome", new("calls", ["calls", "talk_seconds"], ["direction", "outcome"], Totals: OlapTotals.Rollup),
            $"SELECT direction, outcome, sum(calls), sum(talk_seconds) FROM {ByDay} GROUP BY ROLLUP (direction, outcome) ORDER BY 1 NULLS LAST, 2 NULLS LAST"),
        new("calls: agents of one queue, one week", new("calls", ["answered", "asa", "aht"], ["agent"], [Equal("queue", "售后服务"), Between("date.day", "2026-06-01", "2026-06-07")]),
            $"SELECT a.agent_no, sum(answered), {RAsa}, {RAht} FROM {ByQueueAgent} {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key LEFT JOIN dim_agent a ON a.agent_key = f.agent_key WHERE q.queue = $1 AND d.full_date BETWEEN $2 AND $3 GROUP BY 1 ORDER BY 1", "售后服务", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 7)),
        new("service: SLA by category, rollup by city", new("service", ["work_orders", "sla_breach_rate", "avg_hours_to_resolve"], ["geography.city", "category"], Totals: OlapTotals.Rollup),
            "SELECT p.city, cc.name, sum(work_orders), CAST(sum(sla_breaches) AS DOUBLE) / nullif(sum(sla_verdicts), 0), CAST(sum(resolve_seconds) AS DOUBLE) / nullif(sum(resolved), 0) / 3600 " +
            "FROM agg_work_order_day_project_category f LEFT JOIN dim_project p ON p.project_key = f.project_key LEFT JOIN dim_complaint_category cc ON cc.complaint_category_key = f.complaint_category_key GROUP BY ROLLUP (p.city, cc.name) ORDER BY 1 NULLS LAST, 2 NULLS LAST"),
        new("service: drill city › project › building 2026", new("service", ["work_orders", "sla_breach_rate"], Filters: [Equal("date.year", 2026)], Drill: "geography.building", Totals: OlapTotals.Rollup),
            "SELECT p.city, p.name, b.name, count(*), CAST(count(*) FILTER (WHERE NOT sla_met) AS DOUBLE) / nullif(count(sla_met), 0) FROM fact_work_order f JOIN dim_date d ON d.date_key = f.opened_date_key " +
            "LEFT JOIN dim_project p ON p.project_key = f.project_key LEFT JOIN dim_unit u ON u.unit_key = f.unit_key LEFT JOIN dim_building b ON b.building_id = u.building_id WHERE d.year = $1 GROUP BY ROLLUP (p.city, p.name, b.name) ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3 NULLS LAST", 2026),
        new("sales: by city and project, rollup", new("sales", ["contracts", "sales_amount", "avg_discount", "avg_price_per_sqm"], ["geography.city", "geography.project"], Totals: OlapTotals.Rollup),
            "SELECT p.city, p.name, count(*), sum(final_price), CAST(sum(discount_amount) AS DOUBLE) / nullif(sum(list_price), 0), CAST(sum(final_price) AS DOUBLE) / nullif(sum(area), 0) " +
            "FROM fact_sale f LEFT JOIN dim_project p ON p.project_key = f.project_key GROUP BY ROLLUP (p.city, p.name) ORDER BY 1 NULLS LAST, 2 NULLS LAST"),
        new("sales: top 5 reps 2026", new("sales", ["sales_amount", "contracts"], ["sales_rep"], [Equal("date.year", 2026)], Top: 5),
            "SELECT r.display_name, sum(final_price) AS amount, count(*) FROM fact_sale f JOIN dim_date d ON d.date_key = f.signed_date_key LEFT JOIN dim_sales_rep r ON r.sales_rep_key = f.sales_rep_key WHERE d.year = $1 GROUP BY 1 ORDER BY amount DESC, 1 LIMIT $2", 2026, 5L),
        new("sales: by quarter and payment method", new("sales", ["contracts", "sales_amount"], ["date.quarter", "payment_method"], Totals: OlapTotals.Rollup),
            "SELECT concat(d.year, '-Q', d.quarter), payment_method, count(*), sum(final_price) FROM fact_sale f JOIN dim_date d ON d.date_key = f.signed_date_key GROUP BY ROLLUP (concat(d.year, '-Q', d.quarter), payment_method) ORDER BY 1 NULLS LAST, 2 NULLS LAST"),
    ];
}
