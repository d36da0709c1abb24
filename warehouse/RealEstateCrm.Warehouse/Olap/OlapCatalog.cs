using static RealEstateCrm.Warehouse.Olap.OlapDimensions;

namespace RealEstateCrm.Warehouse.Olap;

/// <summary>The semantic model: every cube, measure and dimension a query may name. Only the SQL written
/// here is ever spliced into a statement; names from callers are looked up, never copied.</summary>
public static class OlapCatalog
{
    // Service level 80/20 and the other call-centre rates count inbound calls only: outbound and internal
    // calls are never "offered" to a queue.
    private const string Inbound = "f.direction = 'Inbound'";
    private const string Answered = "f.direction = 'Inbound' AND f.outcome = 'Answered'";

    public static IReadOnlyList<OlapCube> Cubes { get; } = [Sales(), LeadFunnel(), Calls(), Service(), Campaigns(), Competitors()];

    public static OlapCube Cube(string name) =>
        Cubes.FirstOrDefault(c => c.Name == name)
        ?? throw new OlapModelException($"unknown cube '{name}'; valid cubes: {string.Join(", ", Cubes.Select(c => c.Name))}");

    private static string Count(string condition) => $"count(*) FILTER (WHERE {condition})";
    private static string Rate(string numerator, string denominator) => $"CAST({numerator} AS DOUBLE) / nullif({denominator}, 0)";

    private static OlapCube Sales()
    {
        var project = new OlapJoin("p", "dim_project", "p.project_key = f.project_key");
        var building = new OlapJoin("b", "dim_building", "b.building_key = f.building_key");
        var unit = new OlapJoin("u", "dim_unit", "u.unit_key = f.unit_key");
        return new OlapCube("sales", "signed contracts (fact_sale, 签约)", "fact_sale f",
        [
            new("contracts", "number of contracts", "count(*)", typeof(long)),
            new("sales_amount", "sum of final prices (成交金额)", "sum(f.final_price)", typeof(decimal)),
            new("list_amount", "sum of list prices", "sum(f.list_price)", typeof(decimal)),
            new("discount_amount", "sum of discounts", "sum(f.discount_amount)", typeof(decimal)),
            new("area", "sum of sold area, m²", "sum(f.area)", typeof(decimal)),
            new("avg_discount", "discount over list price", Rate("sum(f.discount_amount)", "sum(f.list_price)"), typeof(double)),
            new("avg_price_per_sqm", "final price per m² (成交均价)", Rate("sum(f.final_price)", "sum(f.area)"), typeof(double)),
            new("avg_contract_value", "final price per contract", Rate("sum(f.final_price)", "count(*)"), typeof(double)),
        ],
        [
            Date("signed_date_key", "signing date"),
            Geography(project, building),
            SalesRep(),
            Customer(),
            OnFact("payment_method", "payment method (全款/按揭)", "payment_method", neverNull: true),
            OnFact("status", "contract status", "status", neverNull: true),
            Lookup("layout", "unit layout (户型)", unit, "layout"),
        ]);
    }

    private static OlapCube LeadFunnel()
    {
        var project = new OlapJoin("p", "dim_project", "p.project_key = f.project_key");
        return new OlapCube("lead_funnel", "leads and their funnel milestones (fact_lead_funnel, 线索漏斗)", "fact_lead_funnel f",
        [
            new("leads", "number of leads", "count(*)", typeof(long)),
            new("contacted", "leads with a first contact", "count(f.first_contact_at)", typeof(long)),
            new("visited", "leads with a first visit (到访)", "count(f.first_visit_at)", typeof(long)),
            new("reserved", "leads with a reservation (认购)", "count(f.reserved_at)", typeof(long)),
            new("contracted", "leads with a contract (签约)", "count(f.contracted_at)", typeof(long)),
            new("cancelled", "leads cancelled", "count(f.cancelled_at)", typeof(long)),
            new("conversion_rate", "contracted over leads", Rate("count(f.contracted_at)", "count(*)"), typeof(double)),
            new("visit_rate", "visited over leads", Rate("count(f.first_visit_at)", "count(*)"), typeof(double)),
            new("visit_to_contract_rate", "contracted over visited", Rate("count(f.contracted_at)", "count(f.first_visit_at)"), typeof(double)),
            new("avg_hours_to_first_contact", "hours from lead to first contact", Rate("sum(f.hours_to_first_contact)", "count(f.hours_to_first_contact)"), typeof(double)),
            new("avg_days_to_contract", "days from lead to contract", Rate("sum(f.days_to_contract)", "count(f.days_to_contract)"), typeof(double)),
        ],
        [
            Date("created_date_key", "lead creation date"),
            Geography(project, null),
            Marketing(),
            SalesRep(),
            Customer(),
            OnFact("status", "lead status", "status", neverNull: true),
            OnFact("lost_reason", "why the lead was lost", "lost_reason"),
        ]);
    }

    // The additive parts of every call measure. A rollup stores them per group and a measure sums them again, so a
    // rate from a rollup is the same ratio of the same integers as from the facts. Stored as BIGINT (a group's seconds fit
    // many times over): half the width of the HUGEINT that sum() of integers gives, so rollup scans read half as much.
    private static OlapPart[] CallParts() =>
    [
        new("calls", "count(*)", "BIGINT"),
        new("offered", Count(Inbound), "BIGINT"),
        new("answered", Count(Answered), "BIGINT"),
        new("abandoned", Count($"{Inbound} AND f.is_abandoned"), "BIGINT"),
        new("answered_within_20s", Count($"{Answered} AND f.wait_seconds <= 20"), "BIGINT"),
        new("answered_wait_seconds", $"sum(f.wait_seconds) FILTER (WHERE {Answered})", "BIGINT"),
        new("answered_talk_seconds", $"sum(f.talk_seconds) FILTER (WHERE {Answered})", "BIGINT"),
        new("talk_seconds", "sum(f.talk_seconds)", "BIGINT"),
    ];

    /// <summary>A measure written once over named parts: over the fact each part is its aggregate, over a rollup the sum of its column.
    /// An integer measure is cast to BIGINT in SQL wherever it is a sum (DuckDB sums integers as HUGEINT), so it is read as a long
    /// without a 128-bit conversion; a count already is one.</summary>
    private static OlapMeasure FromParts(OlapPart[] parts, string name, string description, Func<Func<string, string>, string> formula, Type type)
    {
        var overFact = formula(part => parts.Single(p => p.Name == part).Sql);
        var overRollup = formula(part => parts.Single(p => p.Name == part).Resummed);
        if (type == typeof(long))
        {
            if (!overFact.StartsWith("count(", StringComparison.Ordinal)) overFact = $"CAST({overFact} AS BIGINT)";
            overRollup = $"CAST({overRollup} AS BIGINT)";
        }
        return new(name, description, overFact, type) { RollupSql = overRollup };
    }

    private static OlapCube Calls()
    {
        var time = new OlapJoin("t", "dim_time_of_day", "t.time_key = f.started_time_key");
        var parts = CallParts();
        OlapMeasure Measure(string name, string description, Func<Func<string, string>, string> formula, Type type) => FromParts(parts, name, description, formula, type);
        OlapRollupKey day = new("started_date_key", "f.started_date_key");
        return new OlapCube("calls", "call detail records (fact_call, 呼叫中心)", "fact_call f",
        [
            Measure("calls", "all calls", p => p("calls"), typeof(long)),
            Measure("offered", "inbound calls offered", p => p("offered"), typeof(long)),
            Measure("answered", "inbound calls answered", p => p("answered"), typeof(long)),
            Measure("abandoned", "inbound calls abandoned", p => p("abandoned"), typeof(long)),
            Measure("service_level", "answered within 20 s over offered (80/20 target)", p => Rate(p("answered_within_20s"), p("offered")), typeof(double)),
            Measure("asa", "average speed of answer, s: wait of answered over answered", p => Rate(p("answered_wait_seconds"), p("answered")), typeof(double)),
            Measure("abandon_rate", "abandoned over offered", p => Rate(p("abandoned"), p("offered")), typeof(double)),
            Measure("aht", "average handle (talk) time of answered calls, s", p => Rate(p("answered_talk_seconds"), p("answered")), typeof(double)),
            Measure("talk_seconds", "total talk time, s", p => p("talk_seconds"), typeof(long)),
        ],
        [
            Date("started_date_key", "call date"),
            new OlapDimension("time", "time of day", [new("hour", "t.hour", typeof(int), time), new("day_part", "t.day_part", typeof(string), time)], ["day_part", "hour"]),
            Lookup("queue", "queue (技能组)", new OlapJoin("q", "dim_queue", "q.queue_key = f.queue_key"), "queue"),
            Lookup("agent", "agent number (坐席工号)", new OlapJoin("a", "dim_agent", "a.agent_key = f.agent_key"), "agent_no"),
            Customer(),
            OnFact("direction", "Inbound, Outbound, Internal", "direction", neverNull: true),
            OnFact("outcome", "Answered, Abandoned, Voicemail, ...", "outcome", neverNull: true),
            OnFact("disposition", "the agent's disposition code", "disposition"),
        ],
        [
            new("agg_call_day_outcome", "fact_call", "started_date_key", [day, new("direction", "f.direction"), new("outcome", "f.outcome")],
                parts, ["date", "direction", "outcome"]),
            // Hour and day part depend on the hour alone: the time key is kept as the key of the hour's first minute.
            new("agg_call_day_queue_hour", "fact_call", "started_date_key",
                [day, new("queue_key", "f.queue_key"), new("started_time_key", "f.started_time_key // 100 * 100")],
                parts, ["date", "queue", "time"]),
            new("agg_call_day_queue_agent", "fact_call", "started_date_key", [day, new("queue_key", "f.queue_key"), new("agent_key", "f.agent_key")],
                parts, ["date", "queue", "agent"]),
        ]);
    }

    // The work-order parts. The hours measures sum whole seconds (integers, exact in any order) and divide at the end: a
    // sum of the fact's DOUBLE hours would differ in its last bits between a rollup and the facts.
    private static OlapPart[] WorkOrderParts() =>
    [
        new("work_orders", "count(*)", "BIGINT"),
        new("resolved", "count(f.resolved_at)", "BIGINT"),
        new("sla_breaches", Count("NOT f.sla_met"), "BIGINT"),
        new("sla_verdicts", "count(f.sla_met)", "BIGINT"),
        new("escalated", Count("f.escalation_level > 0"), "BIGINT"),
        new("reopened", Count("f.reopen_count > 0"), "BIGINT"),
        new("first_response_seconds", "sum(date_diff('second', f.opened_at, f.first_response_at))", "BIGINT"),
        new("first_responses", "count(f.first_response_at)", "BIGINT"),
        new("resolve_seconds", "sum(date_diff('second', f.opened_at, f.resolved_at))", "BIGINT"),
        new("compensation_amount", "sum(f.compensation_amount)", "DECIMAL(38,2)"),
        new("repair_cost", "sum(f.repair_cost)", "DECIMAL(38,2)"),
    ];

    private static OlapCube Service()
    {
        var project = new OlapJoin("p", "dim_project", "p.project_key = f.project_key");
        var unit = new OlapJoin("u", "dim_unit", "u.unit_key = f.unit_key");
        var building = new OlapJoin("b", "dim_building", "b.building_id = u.building_id", unit);
        var parts = WorkOrderParts();
        OlapMeasure Measure(string name, string description, Func<Func<string, string>, string> formula, Type type) => FromParts(parts, name, description, formula, type);
        return new OlapCube("service", "service work orders (fact_work_order, 工单)", "fact_work_order f",
        [
            Measure("work_orders", "number of work orders", p => p("work_orders"), typeof(long)),
            Measure("resolved", "work orders resolved", p => p("resolved"), typeof(long)),
            Measure("sla_breaches", "work orders that missed their SLA", p => p("sla_breaches"), typeof(long)),
            Measure("sla_breach_rate", "SLA missed over work orders with an SLA verdict", p => Rate(p("sla_breaches"), p("sla_verdicts")), typeof(double)),
            Measure("escalation_rate", "work orders escalated at least once", p => Rate(p("escalated"), p("work_orders")), typeof(double)),
            Measure("reopen_rate", "work orders reopened at least once", p => Rate(p("reopened"), p("work_orders")), typeof(double)),
            Measure("avg_hours_to_first_response", "hours to first response", p => Rate(p("first_response_seconds"), p("first_responses")) + " / 3600", typeof(double)),
            Measure("avg_hours_to_resolve", "hours to resolution", p => Rate(p("resolve_seconds"), p("resolved")) + " / 3600", typeof(double)),
            Measure("compensation_amount", "compensation paid (赔偿)", p => p("compensation_amount"), typeof(decimal)),
            Measure("repair_cost", "repair cost", p => p("repair_cost"), typeof(decimal)),
        ],
        [
            Date("opened_date_key", "opening date"),
            Geography(project, building),
            Lookup("category", "complaint category (投诉类别)", new OlapJoin("cc", "dim_complaint_category", "cc.complaint_category_key = f.complaint_category_key"), "name"),
            Lookup("contractor", "contractor (维修单位)", new OlapJoin("co", "dim_contractor", "co.contractor_key = f.contractor_key"), "name"),
            Customer(),
            OnFact("type", "work order type", "type", neverNull: true),
            OnFact("priority", "priority", "priority", neverNull: true),
            OnFact("status", "status", "status", neverNull: true),
        ],
        [
            new("agg_work_order_day_project_category", "fact_work_order", "opened_date_key",
                [new("opened_date_key", "f.opened_date_key"), new("project_key", "f.project_key"), new("complaint_category_key", "f.complaint_category_key")],
                parts, ["date", "geography.city", "geography.district", "geography.project", "category"]),
        ]);
    }

    private static OlapCube Campaigns()
    {
        // A campaign's cost belongs to the campaign, not to a touch: each touch carries an equal share, so the
        // cost of a campaign or channel adds up exactly and a date slice gets the share of its touches.
        const string cost = "sum(cp.cost / ct.touches)";
        return new OlapCube("campaigns", "campaign touches and their cost (fact_campaign_touch, 营销活动)",
            "fact_campaign_touch f LEFT JOIN dim_campaign cp ON cp.campaign_key = f.campaign_key " +
            "LEFT JOIN (SELECT campaign_key, count(*) AS touches FROM fact_campaign_touch GROUP BY campaign_key) ct ON ct.campaign_key = f.campaign_key",
        [
            new("touches", "customers reached", "count(*)", typeof(long)),
            new("responses", "customers who responded", Count("f.responded"), typeof(long)),
            new("response_rate", "responses over touches", Rate(Count("f.responded"), "count(*)"), typeof(double)),
            new("cost", "campaign cost, spread evenly over the campaign's touches", cost, typeof(double)),
            new("cost_per_response", "cost over responses", Rate(cost, Count("f.responded")), typeof(double)),
        ],
        [
            Date("added_date_key", "date the customer was added to the campaign"),
            new OlapDimension("marketing", "channel › campaign (渠道/活动)",
            [
                new("channel", "ch.channel", typeof(string), new OlapJoin("ch", "dim_channel", "ch.channel_key = f.channel_key")),
                new("campaign", "cp.name", typeof(string)),
                new("status", "cp.status", typeof(string)),
            ], ["channel", "campaign"]),
            Customer(),
        ]);
    }

    private static OlapCube Competitors()
    {
        // Always joined: the price gap measure compares with our nearby project's base price.
        return new OlapCube("competitors", "competitor price observations (fact_competitor_price, 竞品)",
            "fact_competitor_price f LEFT JOIN dim_project p ON p.project_key = f.near_project_key",
        [
            new("observations", "number of price observations", "count(*)", typeof(long)),
            new("avg_price_per_sqm", "average observed price per m²", Rate("sum(f.price_per_sqm)", "count(*)"), typeof(double)),
            new("min_price_per_sqm", "lowest observed price per m²", "min(f.price_per_sqm)", typeof(decimal)),
            new("max_price_per_sqm", "highest observed price per m²", "max(f.price_per_sqm)", typeof(decimal)),
            new("price_gap_rate", "competitor price over our nearby project's base price, minus 1 (observations with a nearby project)",
                Rate("sum(f.price_per_sqm) FILTER (WHERE p.base_price_per_sqm IS NOT NULL)", "sum(p.base_price_per_sqm)") + " - 1", typeof(double)),
        ],
        [
            Date("observed_date_key", "observation date"),
            new OlapDimension("geography", "city › our nearby project (城市/本案)",
                [new("city", "f.city", typeof(string)), new("district", "f.district", typeof(string)), new("project", "p.name", typeof(string))], ["city", "project"]),
            Lookup("competitor", "competitor developer (竞品开发商)", new OlapJoin("cm", "dim_competitor", "cm.competitor_key = f.competitor_key"), "name"),
            OnFact("competitor_project", "the competitor's project", "competitor_project", neverNull: true),
            OnFact("source", "where the price was seen", "source"),
        ]);
    }
}
