using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Warehouse.Tests.Olap;

public sealed class OlapQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object? Cell(OlapResult result, object?[] row, string column) => row[result.IndexOf(column)];

    private static object?[] Row(OlapResult result, int groupingId, params (string Column, object? Value)[] keys) =>
        Assert.Single(result.Rows, r => (int)Cell(result, r, "grouping_id")! == groupingId && keys.All(k => Equals(Cell(result, r, k.Column), k.Value)));

    [Fact]
    public async Task Rollup_subtotals_and_grand_total_equal_hand_written_sql()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls", "offered", "service_level", "asa", "abandon_rate", "aht"],
            ["date.month", "queue"], Totals: OlapTotals.Rollup), Ct);

        var expected = new List<object?[]>();
        await using (var command = warehouse.Database.Connection.CreateCommand())
        {
            command.CommandText = """
                SELECT strftime(d.full_date, '%Y-%m') AS m, q.queue, CAST(GROUPING(strftime(d.full_date, '%Y-%m'), q.queue) AS INTEGER),
                       count(*),
                       count(*) FILTER (WHERE direction = 'Inbound'),
                       count(*) FILTER (WHERE direction = 'Inbound' AND outcome = 'Answered' AND wait_seconds <= 20) / count(*) FILTER (WHERE direction = 'Inbound'),
                       sum(wait_seconds) FILTER (WHERE direction = 'Inbound' AND outcome = 'Answered') / count(*) FILTER (WHERE direction = 'Inbound' AND outcome = 'Answered'),
                       count(*) FILTER (WHERE direction = 'Inbound' AND is_abandoned) / count(*) FILTER (WHERE direction = 'Inbound'),
                       sum(talk_seconds) FILTER (WHERE direction = 'Inbound' AND outcome = 'Answered') / count(*) FILTER (WHERE direction = 'Inbound' AND outcome = 'Answered')
                FROM fact_call f JOIN dim_date d ON d.date_key = f.started_date_key JOIN dim_queue q ON q.queue_key = f.queue_key
                GROUP BY ROLLUP (strftime(d.full_date, '%Y-%m'), q.queue)
                """;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) expected.Add(Enumerable.Range(0, 9).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
        }

        Assert.Equal(7, result.Rows.Count);
        Assert.Equal(expected.Count, result.Rows.Count);
        foreach (var e in expected)
        {
            var row = Row(result, (int)e[2]!, ("date_month", e[0]), ("queue", e[1]));
            Assert.Equal(Convert.ToInt64(e[3]), Cell(result, row, "calls"));
            Assert.Equal(Convert.ToInt64(e[4]), Cell(result, row, "offered"));
            Assert.Equal(Convert.ToDouble(e[5]), (double)Cell(result, row, "service_level")!, 9);
            Assert.Equal(Convert.ToDouble(e[6]), (double)Cell(result, row, "asa")!, 9);
            Assert.Equal(Convert.ToDouble(e[7]), (double)Cell(result, row, "abandon_rate")!, 9);
            Assert.Equal(Convert.ToDouble(e[8]), (double)Cell(result, row, "aht")!, 9);
        }
        // Detail rows first within each month, then the month subtotal, the grand total last.
        Assert.Equal(3, (int)Cell(result, result.Rows[^1], "grouping_id")!);
        Assert.Equal(1, (int)Cell(result, result.Rows[2], "grouping_id")!);
    }

    [Fact]
    public async Task Rates_of_subtotals_are_ratios_of_sums_not_averages_of_the_children_rates()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["service_level", "asa", "abandon_rate"], ["date.month", "queue"], Totals: OlapTotals.Rollup), Ct);

        // January: 售前 1 of 3 offered within 20 s, 售后 1 of 1: the month is 2/4 = 0.5 (the average of rates would be 0.667).
        Assert.Equal(1.0 / 3, (double)Cell(result, Row(result, 0, ("date_month", "2026-01"), ("queue", "售前")), "service_level")!, 9);
        Assert.Equal(0.5, (double)Cell(result, Row(result, 1, ("date_month", "2026-01")), "service_level")!, 9);
        // February: 1 of 1 and 1 of 2 (20 s counts as within): 2/3, not 0.75.
        Assert.Equal(2.0 / 3, (double)Cell(result, Row(result, 1, ("date_month", "2026-02")), "service_level")!, 9);
        var total = Row(result, 3);
        Assert.Equal(4.0 / 7, (double)Cell(result, total, "service_level")!, 9);
        Assert.Equal((10 + 30 + 5 + 15 + 20) / 5.0, (double)Cell(result, total, "asa")!, 9);
        Assert.Equal(2.0 / 7, (double)Cell(result, total, "abandon_rate")!, 9);
    }

    [Fact]
    public async Task Drill_down_groups_by_every_level_above_and_cube_totals_every_combination()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var drilled = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls"], Drill: "date.month", Totals: OlapTotals.Rollup), Ct);
        Assert.Equal(["date_year", "date_quarter", "date_month", "grouping_id", "calls"], drilled.Columns.Select(c => c.Name));
        Assert.Equal(8L, Cell(drilled, Row(drilled, 1, ("date_year", 2026), ("date_quarter", "2026-Q1")), "calls"));

        var cube = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls"], ["queue", "agent"], Totals: OlapTotals.Cube), Ct);
        Assert.Equal(4L, Cell(cube, Row(cube, 2, ("agent", "A002")), "calls"));
        Assert.Equal(2L, Cell(cube, Row(cube, 2, ("agent", null)), "calls"));
        Assert.Equal(8L, Cell(cube, Row(cube, 3), "calls"));
    }

    [Fact]
    public async Task Top_n_keeps_the_best_detail_rows_and_totals_over_all_rows()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["answered", "offered"], ["agent"], Totals: OlapTotals.Rollup, Top: 1), Ct);

        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("A002", Cell(result, result.Rows[0], "agent"));
        Assert.Equal(3L, Cell(result, result.Rows[0], "answered"));
        Assert.Equal(7L, Cell(result, result.Rows[1], "offered"));
    }

    [Fact]
    public async Task Period_over_period_puts_the_previous_period_and_the_delta_beside_each_measure()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        // February (28 days) against the 28 days before it, 2026-01-04..2026-01-31.
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["offered", "service_level"], ["queue"],
            [OlapFilter.Between("date.day", "2026-02-01", "2026-02-28")], Totals: OlapTotals.Rollup, Compare: OlapComparison.PreviousPeriod), Ct);

        var presale = Row(result, 0, ("queue", "售前"));
        Assert.Equal(1L, Cell(result, presale, "offered"));
        Assert.Equal(3L, Cell(result, presale, "offered_previous"));
        Assert.Equal(-2L, Cell(result, presale, "offered_delta"));
        var total = Row(result, 1);
        Assert.Equal(2.0 / 3 - 2.0 / 4, (double)Cell(result, total, "service_level_delta")!, 9);

        var yearAgo = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["offered"], Filters: [OlapFilter.Between("date.day", "2026-01-01", "2026-02-28")], Compare: OlapComparison.PreviousYear), Ct);
        Assert.Equal(7L, Cell(yearAgo, yearAgo.Rows[0], "offered"));
        Assert.Equal(0L, Cell(yearAgo, yearAgo.Rows[0], "offered_previous"));
        Assert.Equal(7L, Cell(yearAgo, yearAgo.Rows[0], "offered_delta"));
    }

    [Fact]
    public async Task Filter_values_are_bound_parameters_never_sql_text()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls"], ["queue"],
        [
            OlapFilter.Parse("queue in 售前,售后' OR 1=1 --"), OlapFilter.Parse("date.year=2026"), OlapFilter.Parse("date.day>=2026-01-01"),
        ]), Ct);
        Assert.Equal(4L, Cell(result, Assert.Single(result.Rows), "calls"));
        Assert.DoesNotContain("售前", result.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", result.Sql, StringComparison.Ordinal);

        var statement = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], Filters: [OlapFilter.Parse("queue=售前"), OlapFilter.Parse("date.day between 2026-01-01,2026-01-31")]));
        Assert.Equal(["售前", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)], statement.Parameters.Values);
        var january = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls"], Filters: [OlapFilter.Parse("queue=售前"), OlapFilter.Parse("date.day between 2026-01-01,2026-01-31")]), Ct);
        Assert.Equal(3L, Cell(january, january.Rows[0], "calls"));
    }

    public static TheoryData<string, OlapQuery> Hostile => new()
    {
        { "fact_call;", new OlapQuery("fact_call;DROP TABLE fact_call", ["calls"]) },
        { "count(*)", new OlapQuery("calls", ["count(*)"]) },
        { "calls) FROM dim_queue--", new OlapQuery("calls", ["calls) FROM dim_queue--"]) },
        { "year;DROP TABLE fact_call", new OlapQuery("calls", ["calls"], ["date.year;DROP TABLE fact_call"]) },
        { "queue\" --", new OlapQuery("calls", ["calls"], ["queue\" --"]) },
        { "1=1 OR queue", new OlapQuery("calls", ["calls"], Filters: [new OlapFilter("1=1 OR queue", OlapOperator.Equal, ["x"])]) },
        { "unknown operator '99'", new OlapQuery("calls", ["calls"], Filters: [new OlapFilter("queue", (OlapOperator)99, ["x"])]) },
        { "day_of_week is not a level", new OlapQuery("calls", ["calls"], Drill: "date.day_of_week") },
        { "top by 'asa'", new OlapQuery("calls", ["calls"], ["queue"], Top: 3, TopBy: "asa") },
        { "not a valid integer", new OlapQuery("calls", ["calls"], Filters: [OlapFilter.Equal("date.year", "2026 OR 1=1")]) },
    };

    [Theory, MemberData(nameof(Hostile))]
    public async Task Names_not_in_the_model_are_refused_with_the_name_and_the_valid_choices(string named, OlapQuery query)
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var error = await Assert.ThrowsAsync<OlapModelException>(() => warehouse.Engine.QueryAsync(query, Ct));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(8L, await warehouse.Database.ScalarAsync("SELECT count(*) FROM fact_call", Ct));
    }

    [Theory]
    [InlineData("date.year;DROP TABLE fact_call", "expected ATTRIBUTE OPERATOR VALUE")]
    [InlineData("queue like 售%", "unknown operator 'like'")]
    [InlineData("queue != 售前", "unknown operator '!='")]
    public void Filter_text_with_an_unknown_operator_or_shape_is_refused(string text, string message)
    {
        var error = Assert.Throws<OlapModelException>(() => OlapFilter.Parse(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_measure_and_attribute_of_every_cube_runs()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        foreach (var cube in OlapCatalog.Cubes)
            foreach (var dimension in cube.Dimensions)
            {
                var result = await warehouse.Engine.QueryAsync(new OlapQuery(cube.Name, cube.Measures.Select(m => m.Name).ToList(),
                    dimension.Attributes.Select(a => $"{dimension.Name}.{a.Name}").ToList(), Totals: OlapTotals.Rollup), Ct);
                var grandTotal = Row(result, (1 << dimension.Attributes.Count) - 1);
                Assert.Equal(cube.Name == "calls" ? 8L : 0L, Cell(result, grandTotal, cube.Measures[0].Name));
            }
    }
}
