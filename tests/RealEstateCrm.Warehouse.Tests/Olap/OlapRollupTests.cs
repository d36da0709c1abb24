using RealEstateCrm.Warehouse.Olap;
using static RealEstateCrm.Warehouse.Olap.OlapFilter;

namespace RealEstateCrm.Warehouse.Tests.Olap;

public sealed class OlapRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Queries a rollup can answer: subtotals, cube totals, drills, filters, top-N and both comparisons.</summary>
    public static TheoryData<string, OlapQuery> RollupQueries => new()
    {
        { "KPIs of a year", new("calls", ["calls", "offered", "answered", "abandoned", "service_level", "asa", "abandon_rate", "aht", "talk_seconds"], Filters: [Equal("date.year", 2026)]) },
        { "month x queue, rollup", new("calls", ["offered", "service_level", "asa", "abandon_rate"], ["date.month", "queue"], Totals: OlapTotals.Rollup) },
        { "day part x queue, cube", new("calls", ["offered", "abandon_rate", "aht"], ["time.day_part", "queue"], Totals: OlapTotals.Cube) },
        { "drill to day, rollup", new("calls", ["calls", "talk_seconds"], Drill: "date.day", Totals: OlapTotals.Rollup) },
        { "hour, one quarter", new("calls", ["offered", "service_level"], ["time.hour"], [Between("date.day", "2026-01-01", "2026-03-31")]) },
        { "direction x outcome, rollup", new("calls", ["calls", "talk_seconds", "service_level"], ["direction", "outcome"], Totals: OlapTotals.Rollup) },
        { "two queues by working day", new("calls", ["answered", "asa"], ["date.is_working_day", "queue"], [In("queue", "售前", "投诉")]) },
        { "top 3 agents of a queue, one week", new("calls", ["answered", "asa", "aht"], ["agent"], [Equal("queue", "售后"), Between("date.day", "2026-03-02", "2026-03-08")], Top: 3) },
        { "top 2 queues", new("calls", ["answered", "aht"], ["queue"], [Equal("date.year", 2026)], Totals: OlapTotals.Rollup, Top: 2) },
        { "month vs previous, by queue", new("calls", ["offered", "service_level"], ["queue"], [Between("date.day", "2026-02-01", "2026-02-28")], Compare: OlapComparison.PreviousPeriod) },
        { "work orders: city x category, rollup", new("service", ["work_orders", "resolved", "sla_breaches", "sla_breach_rate", "escalation_rate", "reopen_rate",
            "avg_hours_to_first_response", "avg_hours_to_resolve", "compensation_amount", "repair_cost"], ["geography.city", "category"], Totals: OlapTotals.Rollup) },
        { "work orders: drill to project, 2026", new("service", ["work_orders", "sla_breach_rate", "avg_hours_to_resolve"], Filters: [Equal("date.year", 2026)], Drill: "geography.project", Totals: OlapTotals.Rollup) },
        { "quarter vs a year ago, by outcome", new("calls", ["calls", "abandon_rate"], ["outcome"], [Between("date.day", "2026-01-01", "2026-03-31")], Compare: OlapComparison.PreviousYear) },
    };

    [Theory, MemberData(nameof(RollupQueries))]
    public async Task A_query_a_rollup_can_answer_reads_it_and_gives_exactly_the_rows_of_the_facts(string name, OlapQuery query)
    {
        await using var warehouse = await ManyCallsAsync();

        var fromRollup = await new OlapEngine(warehouse.Connection).QueryAsync(query, Ct);
        var fromFacts = await new OlapEngine(warehouse.Connection, useRollups: false).QueryAsync(query, Ct);

        Assert.Contains("FROM agg_", fromRollup.Sql);
        Assert.DoesNotContain("FROM fact_", fromRollup.Sql);
        Assert.Contains("FROM fact_", fromFacts.Sql);
        Assert.True(fromFacts.Rows.Count > 0 && fromFacts.Rows[0].All(v => v is not null), $"{name}: nothing to compare");
        Assert.Equal(fromFacts.Columns, fromRollup.Columns);
        for (var i = 0; i < fromFacts.Rows.Count; i++) Assert.Equal(fromFacts.Rows[i], fromRollup.Rows[i]);
        Assert.Equal(fromFacts.Rows.Count, fromRollup.Rows.Count);
    }

    [Theory]
    [InlineData("customer.segment", "calls")]
    [InlineData("disposition", "calls")]
    [InlineData("geography.building", "work_orders")]
    [InlineData("contractor", "avg_hours_to_resolve")]
    public async Task A_query_needing_a_column_no_rollup_keeps_reads_the_facts(string by, string measure)
    {
        await using var warehouse = await ManyCallsAsync();
        var cube = measure == "calls" ? "calls" : "service";

        var result = await new OlapEngine(warehouse.Connection).QueryAsync(new OlapQuery(cube, [measure], [by], [Equal("date.year", 2026)]), Ct);

        Assert.Contains("FROM fact_", result.Sql);
        Assert.DoesNotContain("agg_", result.Sql);
    }

    [Fact]
    public void The_smallest_rollup_that_has_the_query_s_dimensions_is_chosen()
    {
        var byOutcome = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], ["date.month", "outcome"]));
        var byQueue = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], ["date.month", "queue"]));
        var both = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], ["queue", "outcome"]));

        Assert.Contains("FROM agg_call_day_outcome f", byOutcome.Sql);
        Assert.Contains("FROM agg_call_day_queue_hour f", byQueue.Sql);
        Assert.Contains("FROM fact_call f", both.Sql);
    }

    [Fact]
    public async Task Rebuilding_after_facts_change_keeps_the_rollup_equal_to_the_facts()
    {
        await using var warehouse = await ManyCallsAsync();
        await warehouse.ExecuteAsync("DELETE FROM fact_call WHERE started_date_key = 20260105; UPDATE fact_call SET queue_key = 2 WHERE queue_key = 1 AND started_time_key < 1200", Ct);
        await OlapRollups.RebuildAsync(warehouse, Ct);

        foreach (var rollup in OlapRollups.All) Assert.Equal(0, await OlapRollups.DifferingRowsAsync(warehouse, rollup, Ct));
    }

    /// <summary>20,000 calls over 2025-01 to 2026-03 (hash-drawn, so every run is the same): five queues and a missing one,
    /// every hour, three directions, outcomes and waits on both sides of 20 s; 5,000 work orders over four projects in two
    /// cities and three categories, some unanswered, unresolved or without an SLA verdict; rollups rebuilt after the direct insert.</summary>
    private static async Task<WarehouseDatabase> ManyCallsAsync()
    {
        var warehouse = await WarehouseDatabase.OpenAsync(":memory:", ct: Ct);
        await warehouse.EnsureDatesAsync(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), Ct);
        await warehouse.ExecuteAsync("""
            INSERT INTO dim_queue VALUES (1, '售前'), (2, '售后'), (3, '投诉'), (4, '报修'), (5, '按揭');
            INSERT INTO dim_agent SELECT i, uuid(), uuid(), 'A' || i, '80' || i, NULL FROM range(1, 11) t(i);
            INSERT INTO fact_call (call_record_id, call_id, started_date_key, started_time_key, customer_key, agent_key, queue_key,
                                   direction, outcome, is_abandoned, wait_seconds, talk_seconds, disposition, started_at)
            SELECT uuid(), 'C' || i, date_key(ts), time_key(ts), NULL, CASE WHEN outcome = 'Answered' THEN 1 + h % 10 END, CASE WHEN h % 13 = 0 THEN NULL ELSE 1 + h % 5 END,
                   direction, outcome, outcome = 'Abandoned', CAST((h >> 8) % 45 AS INTEGER), CASE WHEN outcome = 'Answered' THEN CAST((h >> 16) % 600 AS INTEGER) ELSE 0 END,
                   ['ok', 'callback'][1 + (h >> 3) % 2], ts
            FROM (SELECT i, h, ts, direction,
                         CASE WHEN (h >> 24) % 10 = 0 THEN 'Abandoned' WHEN (h >> 24) % 10 = 1 THEN 'Voicemail' ELSE 'Answered' END AS outcome
                  FROM (SELECT i, CAST(hash(i) >> 1 AS BIGINT) AS h, TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i) % (455 * 86400) AS BIGINT)) AS ts,
                               ['Inbound', 'Inbound', 'Inbound', 'Outbound', 'Internal'][CAST(1 + (hash(i) >> 32) % 5 AS BIGINT)] AS direction
                        FROM range(20000) t(i)));
            INSERT INTO dim_project SELECT i, uuid(), 'P' || i, ['滨江壹号', '西溪云庐', '浦江华庭', '前滩悦府'][i], ['杭州', '杭州', '上海', '上海'][i], NULL, NULL, 30000 FROM range(1, 5) t(i);
            INSERT INTO dim_complaint_category SELECT i, uuid(), NULL, 'CC' || i, ['漏水', '门窗', '噪音'][i], 48, 'Medium' FROM range(1, 4) t(i);
            INSERT INTO fact_work_order
            SELECT uuid(), 'WO' || i, 'Repair', 'Open', 'Medium', date_key(opened), NULL, CASE WHEN h % 17 = 0 THEN NULL ELSE 1 + h % 4 END, NULL,
                   1 + (h >> 4) % 3, NULL, opened, opened + INTERVAL 48 HOUR, responded, resolved, NULL,
                   date_diff('second', opened, responded) / 3600.0, date_diff('second', opened, resolved) / 3600.0,
                   CASE WHEN resolved IS NOT NULL THEN resolved <= opened + INTERVAL 48 HOUR END, CAST((h >> 8) % 3 AS INTEGER), CAST((h >> 10) % 2 AS INTEGER),
                   CAST((h >> 12) % 50000 AS DECIMAL(18,2)) / 100, CAST((h >> 20) % 30000 AS DECIMAL(18,2)) / 100
            FROM (SELECT i, h, opened,
                         CASE WHEN (h >> 28) % 5 > 0 THEN opened + to_seconds(CAST(60 + (h >> 32) % 20000 AS BIGINT)) END AS responded,
                         CASE WHEN (h >> 36) % 3 > 0 THEN opened + to_seconds(CAST(3600 + (h >> 40) % 300000 AS BIGINT)) END AS resolved
                  FROM (SELECT i, CAST(hash(i + 100000) >> 1 AS BIGINT) AS h, TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i + 100000) % (455 * 86400) AS BIGINT)) AS opened
                        FROM range(5000) t(i)));
            """, Ct);
        await OlapRollups.RebuildAsync(warehouse, Ct);
        return warehouse;
    }
}
