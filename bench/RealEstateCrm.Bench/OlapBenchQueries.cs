using RealEstateCrm.Warehouse.Olap;
using static RealEstateCrm.Warehouse.Olap.OlapFilter;

namespace RealEstateCrm.Bench;

/// <summary>Twenty dashboard queries, each as an <see cref="OlapQuery"/> and as the SQL an analyst would write
/// by hand for the same rows (literal values, only the joins needed; LEFT JOIN where the fact's key may be NULL,
/// as an unanswered call has no agent, so both count the same calls).</summary>
internal static class OlapBenchQueries
{
    public sealed record Case(string Name, OlapQuery Query, string HandSql);

    private const string In = "direction = 'Inbound'";
    private const string Ans = "direction = 'Inbound' AND outcome = 'Answered'";
    private const string Sl = $"CAST(count(*) FILTER (WHERE {Ans} AND wait_seconds <= 20) AS DOUBLE) / nullif(count(*) FILTER (WHERE {In}), 0)";
    private const string Asa = $"CAST(sum(wait_seconds) FILTER (WHERE {Ans}) AS DOUBLE) / nullif(count(*) FILTER (WHERE {Ans}), 0)";
    private const string Abandon = $"CAST(count(*) FILTER (WHERE {In} AND is_abandoned) AS DOUBLE) / nullif(count(*) FILTER (WHERE {In}), 0)";
    private const string Aht = $"CAST(sum(talk_seconds) FILTER (WHERE {Ans}) AS DOUBLE) / nullif(count(*) FILTER (WHERE {Ans}), 0)";
    private const string Dd = "JOIN dim_date d ON d.date_key = f.started_date_key";

    public static IReadOnlyList<Case> All { get; } =
    [
        new("calls: KPIs 2026", new("calls", ["offered", "service_level", "asa", "abandon_rate", "aht"], Filters: [Equal("date.year", 2026)]),
            $"SELECT count(*) FILTER (WHERE {In}), {Sl}, {Asa}, {Abandon}, {Aht} FROM fact_call f {Dd} WHERE d.year = 2026"),
        new("calls: by month, queue, rollup", new("calls", ["service_level", "asa", "abandon_rate"], ["date.month", "queue"], Totals: OlapTotals.Rollup),
            $"SELECT strftime(d.full_date, '%Y-%m'), q.queue, {Sl}, {Asa}, {Abandon} FROM fact_call f {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key GROUP BY ROLLUP (strftime(d.full_date, '%Y-%m'), q.queue)"),
        new("calls: by month 2026", new("calls", ["offered", "service_level"], ["date.month"], [Equal("date.year", 2026)]),
            $"SELECT strftime(d.full_date, '%Y-%m'), count(*) FILTER (WHERE {In}), {Sl} FROM fact_call f {Dd} WHERE d.year = 2026 GROUP BY 1"),
        new("calls: daily, one month", new("calls", ["offered", "answered", "abandoned"], ["date.day"], [Between("date.day", "2026-03-01", "2026-03-31")]),
            $"SELECT d.full_date, count(*) FILTER (WHERE {In}), count(*) FILTER (WHERE {Ans}), count(*) FILTER (WHERE {In} AND is_abandoned) FROM fact_call f {Dd} WHERE d.full_date BETWEEN DATE '2026-03-01' AND DATE '2026-03-31' GROUP BY 1"),
        new("calls: by queue", new("calls", ["offered", "service_level", "asa"], ["queue"]),
            $"SELECT q.queue, count(*) FILTER (WHERE {In}), {Sl}, {Asa} FROM fact_call f LEFT JOIN dim_queue q ON q.queue_key = f.queue_key GROUP BY 1"),
        new("calls: top 10 agents by answered", new("calls", ["answered", "aht"], ["agent"], [Equal("date.year", 2026)], Top: 10),
            $"SELECT a.agent_no, count(*) FILTER (WHERE {Ans}) AS answered, {Aht} FROM fact_call f {Dd} LEFT JOIN dim_agent a ON a.agent_key = f.agent_key WHERE d.year = 2026 GROUP BY 1 ORDER BY answered DESC LIMIT 10"),
        new("calls: by hour", new("calls", ["offered", "service_level"], ["time.hour"]),
            $"SELECT t.hour, count(*) FILTER (WHERE {In}), {Sl} FROM fact_call f LEFT JOIN dim_time_of_day t ON t.time_key = f.started_time_key GROUP BY 1"),
        new("calls: day part x queue, cube", new("calls", ["offered", "abandon_rate"], ["time.day_part", "queue"], Totals: OlapTotals.Cube),
            $"SELECT t.day_part, q.queue, count(*) FILTER (WHERE {In}), {Abandon} FROM fact_call f LEFT JOIN dim_time_of_day t ON t.time_key = f.started_time_key LEFT JOIN dim_queue q ON q.queue_key = f.queue_key GROUP BY CUBE (t.day_part, q.queue)"),
        new("calls: working vs non-working days", new("calls", ["offered", "service_level"], ["date.is_working_day"], [Equal("date.year", 2026)]),
            $"SELECT d.is_working_day, count(*) FILTER (WHERE {In}), {Sl} FROM fact_call f {Dd} WHERE d.year = 2026 GROUP BY 1"),
        new("calls: drill year › quarter › month", new("calls", ["calls", "talk_seconds"], Drill: "date.month", Totals: OlapTotals.Rollup),
            $"SELECT d.year, concat(d.year, '-Q', d.quarter), strftime(d.full_date, '%Y-%m'), count(*), sum(talk_seconds) FROM fact_call f {Dd} GROUP BY ROLLUP (d.year, concat(d.year, '-Q', d.quarter), strftime(d.full_date, '%Y-%m'))"),
        new("calls: two queues, one quarter", new("calls", ["service_level", "asa"], ["queue", "date.month"], [In("queue", "售前咨询", "投诉"), Between("date.day", "2026-01-01", "2026-03-31")]),
            $"SELECT q.queue, strftime(d.full_date, '%Y-%m'), {Sl}, {Asa} FROM fact_call f {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key WHERE q.queue IN ('售前咨询', '投诉') AND d.full_date BETWEEN DATE '2026-01-01' AND DATE '2026-03-31' GROUP BY 1, 2"),
        new("calls: month vs previous, by queue", new("calls", ["offered", "service_level"], ["queue"], [Between("date.day", "2026-03-01", "2026-03-31")], Compare: OlapComparison.PreviousPeriod),
            $"WITH c AS (SELECT q.queue, count(*) FILTER (WHERE {In}) o, {Sl} s FROM fact_call f {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key WHERE d.full_date BETWEEN DATE '2026-03-01' AND DATE '2026-03-31' GROUP BY 1), " +
            $"p AS (SELECT q.queue, count(*) FILTER (WHERE {In}) o, {Sl} s FROM fact_call f {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key WHERE d.full_date BETWEEN DATE '2026-01-29' AND DATE '2026-02-28' GROUP BY 1) " +
            "SELECT coalesce(c.queue, p.queue), c.o, p.o, c.o - p.o, c.s, p.s, c.s - p.s FROM c FULL JOIN p ON c.queue = p.queue"),
        new("calls: quarter vs a year ago", new("calls", ["offered", "abandon_rate", "aht"], Filters: [Between("date.day", "2026-01-01", "2026-03-31")], Compare: OlapComparison.PreviousYear),
            $"WITH c AS (SELECT count(*) FILTER (WHERE {In}) o, {Abandon} a, {Aht} h FROM fact_call f {Dd} WHERE d.full_date BETWEEN DATE '2026-01-01' AND DATE '2026-03-31'), " +
            $"p AS (SELECT count(*) FILTER (WHERE {In}) o, {Abandon} a, {Aht} h FROM fact_call f {Dd} WHERE d.full_date BETWEEN DATE '2025-01-01' AND DATE '2025-03-31') " +
            "SELECT c.o, p.o, c.o - p.o, c.a, p.a, c.a - p.a, c.h, p.h, c.h - p.h FROM c, p"),
        new("calls: by direction and outcome", new("calls", ["calls", "talk_seconds"], ["direction", "outcome"], Totals: OlapTotals.Rollup),
            "SELECT direction, outcome, count(*), sum(talk_seconds) FROM fact_call f GROUP BY ROLLUP (direction, outcome)"),
        new("calls: agents of one queue, one week", new("calls", ["answered", "asa", "aht"], ["agent"], [Equal("queue", "售后服务"), Between("date.day", "2026-06-01", "2026-06-07")]),
            $"SELECT a.agent_no, count(*) FILTER (WHERE {Ans}), {Asa}, {Aht} FROM fact_call f {Dd} LEFT JOIN dim_queue q ON q.queue_key = f.queue_key LEFT JOIN dim_agent a ON a.agent_key = f.agent_key WHERE q.queue = '售后服务' AND d.full_date BETWEEN DATE '2026-06-01' AND DATE '2026-06-07' GROUP BY 1"),
        new("service: SLA by category, rollup by city", new("service", ["work_orders", "sla_breach_rate", "avg_hours_to_resolve"], ["geography.city", "category"], Totals: OlapTotals.Rollup),
            "SELECT p.city, cc.name, count(*), CAST(count(*) FILTER (WHERE NOT sla_met) AS DOUBLE) / nullif(count(sla_met), 0), sum(hours_to_resolve) / nullif(count(hours_to_resolve), 0) " +
            "FROM fact_work_order f LEFT JOIN dim_project p ON p.project_key = f.project_key LEFT JOIN dim_complaint_category cc ON cc.complaint_category_key = f.complaint_category_key GROUP BY ROLLUP (p.city, cc.name)"),
        new("service: drill city › project › building 2026", new("service", ["work_orders", "sla_breach_rate"], Filters: [Equal("date.year", 2026)], Drill: "geography.building", Totals: OlapTotals.Rollup),
            "SELECT p.city, p.name, b.name, count(*), CAST(count(*) FILTER (WHERE NOT sla_met) AS DOUBLE) / nullif(count(sla_met), 0) FROM fact_work_order f JOIN dim_date d ON d.date_key = f.opened_date_key " +
            "LEFT JOIN dim_project p ON p.project_key = f.project_key LEFT JOIN dim_unit u ON u.unit_key = f.unit_key LEFT JOIN dim_building b ON b.building_id = u.building_id WHERE d.year = 2026 GROUP BY ROLLUP (p.city, p.name, b.name)"),
        new("sales: by city and project, rollup", new("sales", ["contracts", "sales_amount", "avg_discount", "avg_price_per_sqm"], ["geography.city", "geography.project"], Totals: OlapTotals.Rollup),
            "SELECT p.city, p.name, count(*), sum(final_price), CAST(sum(discount_amount) AS DOUBLE) / nullif(sum(list_price), 0), CAST(sum(final_price) AS DOUBLE) / nullif(sum(area), 0) " +
            "FROM fact_sale f LEFT JOIN dim_project p ON p.project_key = f.project_key GROUP BY ROLLUP (p.city, p.name)"),
        new("sales: top 5 reps 2026", new("sales", ["sales_amount", "contracts"], ["sales_rep"], [Equal("date.year", 2026)], Top: 5),
            "SELECT r.display_name, sum(final_price) AS amount, count(*) FROM fact_sale f JOIN dim_date d ON d.date_key = f.signed_date_key LEFT JOIN dim_sales_rep r ON r.sales_rep_key = f.sales_rep_key WHERE d.year = 2026 GROUP BY 1 ORDER BY amount DESC LIMIT 5"),
        new("sales: by quarter and payment method", new("sales", ["contracts", "sales_amount"], ["date.quarter", "payment_method"], Totals: OlapTotals.Rollup),
            "SELECT concat(d.year, '-Q', d.quarter), payment_method, count(*), sum(final_price) FROM fact_sale f JOIN dim_date d ON d.date_key = f.signed_date_key GROUP BY ROLLUP (concat(d.year, '-Q', d.quarter), payment_method)"),
    ];
}
