using RealEstateCrm.Warehouse.Olap;
using static RealEstateCrm.Warehouse.Olap.OlapFilter;

namespace RealEstateCrm.Warehouse.Tests.Olap;

/// <summary>The statement each query shape becomes: no more than the rows need (no grouping_id, wrapping select or coalesce
/// where they cannot matter), integer measures as BIGINT, and the same rows as before.</summary>
public sealed class OlapSqlShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object? Cell(OlapResult result, object?[] row, string column) => row[result.IndexOf(column)];

    [Fact]
    public async Task A_query_without_subtotals_selects_no_grouping_id_yet_its_rows_carry_grouping_id_0()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var query = new OlapQuery("calls", ["offered", "service_level"], ["date.month", "queue"], [Equal("date.year", 2026)]);

        var statement = OlapSqlBuilder.Build(query);
        var result = await warehouse.Engine.QueryAsync(query, Ct);

        Assert.False(statement.SelectsGroupingId);
        Assert.DoesNotContain("grouping", statement.Sql, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SELECT *", statement.Sql, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY 1 NULLS LAST, 2 NULLS LAST", statement.Sql, StringComparison.Ordinal);
        Assert.Equal(["date_month", "queue", "grouping_id", "offered", "service_level"], result.Columns.Select(c => c.Name));
        Assert.Equal([("2026-01", "售前"), ("2026-01", "售后"), ("2026-02", "售前"), ("2026-02", "售后")],
            result.Rows.Select(r => ((string)Cell(result, r, "date_month")!, (string)Cell(result, r, "queue")!)));
        Assert.All(result.Rows, r => Assert.Equal(0, Cell(result, r, "grouping_id")));
        Assert.Equal(2L, Cell(result, result.Rows[3], "offered"));

        // Asked for (an Arrow stream passes the statement's own result on), the statement selects the constant column itself.
        var whole = OlapSqlBuilder.Build(query, selectGroupingId: true);
        await using var command = warehouse.Database.Connection.CreateCommand();
        command.CommandText = whole.Sql;
        foreach (var (name, value) in whole.Parameters) command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter(name, value));
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.Equal(result.Columns.Select(c => c.Name), Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        var rows = 0;
        while (await reader.ReadAsync(Ct)) Assert.Equal(result.Rows[rows++], Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)));
        Assert.Equal(result.Rows.Count, rows);
    }

    [Fact]
    public async Task Rollup_subtotals_are_ordered_in_the_aggregate_itself_detail_rows_before_their_subtotal()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var query = new OlapQuery("calls", ["calls"], ["date.month", "queue"], Totals: OlapTotals.Rollup);

        var statement = OlapSqlBuilder.Build(query);
        var result = await warehouse.Engine.QueryAsync(query, Ct);

        Assert.True(statement.SelectsGroupingId);
        Assert.DoesNotContain("SELECT *", statement.Sql, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY 1 NULLS LAST, 2 NULLS LAST, 3", statement.Sql, StringComparison.Ordinal);
        Assert.Equal(
        [
            ("2026-01", "售前", 0, 3L), ("2026-01", "售后", 0, 1L), ("2026-01", null, 1, 4L),
            ("2026-02", "售前", 0, 1L), ("2026-02", "售后", 0, 3L), ("2026-02", null, 1, 4L),
            (null, null, 3, 8L),
        ], result.Rows.Select(r => ((string?)Cell(result, r, "date_month"), (string?)Cell(result, r, "queue"), (int)Cell(result, r, "grouping_id")!, (long)Cell(result, r, "calls")!)));
    }

    /// <summary>Unanswered calls have no agent, so detail rows hold NULLs that sort beside subtotals: the order must still be
    /// each column's detail rows (values NULLS LAST) before the rows that total it, column by column.</summary>
    [Theory]
    [InlineData(OlapTotals.Rollup)]
    [InlineData(OlapTotals.Cube)]
    public async Task Detail_rows_with_null_values_still_come_before_the_subtotal_that_covers_them(OlapTotals totals)
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls"], ["date.month", "agent", "queue"], Totals: totals), Ct);

        Assert.DoesNotContain("SELECT *", result.Sql, StringComparison.Ordinal);
        Assert.Contains(result.Rows, r => Cell(result, r, "agent") is null && (int)Cell(result, r, "grouping_id")! == 0);
        Assert.Equal(totals == OlapTotals.Rollup ? 4 : 8, result.Rows.Select(r => Cell(result, r, "grouping_id")).Distinct().Count());
        // The defining order: per grouping column, its GROUPING() bit, then its value with NULLs last.
        object?[] SortKey(object?[] row)
        {
            var id = (int)Cell(result, row, "grouping_id")!;
            return [.. new[] { "date_month", "agent", "queue" }.SelectMany((c, i) => new[] { (id >> (2 - i)) & 1, Cell(result, row, c) })];
        }
        var expected = result.Rows.Order(Comparer<object?[]>.Create((x, y) =>
        {
            var (a, b) = (SortKey(x), SortKey(y));
            for (var i = 0; i < a.Length; i++)
            {
                var order = (a[i], b[i]) switch
                {
                    (null, null) => 0,
                    (null, _) => 1,
                    (_, null) => -1,
                    (string p, string q) => string.CompareOrdinal(p, q),
                    var (p, q) => Comparer<object>.Default.Compare(p, q),
                };
                if (order != 0) return order;
            }
            return 0;
        })).ToList();
        Assert.Equal(expected, result.Rows);
    }

    [Fact]
    public async Task A_comparison_with_subtotals_orders_its_detail_rows_before_the_total()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["offered"], ["queue"],
            [Between("date.day", "2026-02-01", "2026-02-28")], Totals: OlapTotals.Rollup, Compare: OlapComparison.PreviousPeriod), Ct);

        Assert.DoesNotContain("SELECT *", result.Sql, StringComparison.Ordinal);
        Assert.Equal([("售前", 0, 1L, 3L), ("售后", 0, 2L, 1L), (null, 1, 3L, 4L)],
            result.Rows.Select(r => ((string?)Cell(result, r, "queue"), (int)Cell(result, r, "grouping_id")!, (long)Cell(result, r, "offered")!, (long)Cell(result, r, "offered_previous")!)));
    }

    [Fact]
    public async Task A_comparison_without_groupings_pairs_its_two_whole_period_rows()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var result = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["offered", "asa"],
            Filters: [Between("date.day", "2026-02-01", "2026-02-28")], Compare: OlapComparison.PreviousYear), Ct);

        Assert.Contains("CROSS JOIN", result.Sql, StringComparison.Ordinal);
        var row = Assert.Single(result.Rows);
        Assert.Equal(0, Cell(result, row, "grouping_id"));
        Assert.Equal(3L, Cell(result, row, "offered"));
        Assert.Equal(0L, Cell(result, row, "offered_previous"));
        Assert.Null(Cell(result, row, "asa_previous"));
    }

    public static TheoryData<string> Cubes => new(OlapCatalog.Cubes.Select(c => c.Name));

    [Theory, MemberData(nameof(Cubes))]
    public async Task Integer_measures_come_back_from_duckdb_as_bigint_over_the_fact_and_over_rollups(string cubeName)
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var cube = OlapCatalog.Cube(cubeName);
        var integers = cube.Measures.Where(m => m.Type == typeof(long)).Select(m => m.Name).ToList();
        Assert.NotEmpty(integers);
        foreach (var useRollups in new[] { true, false })
            foreach (var by in new[] { (string[])[], ["date.month"] })
            {
                var statement = OlapSqlBuilder.Build(new OlapQuery(cubeName, integers, by), useRollups);
                await using var command = warehouse.Database.Connection.CreateCommand();
                command.CommandText = statement.Sql;
                await using var reader = await command.ExecuteReaderAsync(Ct);
                foreach (var name in integers) Assert.Equal(typeof(long), reader.GetFieldType(reader.GetOrdinal(name)));
            }
    }

    [Fact]
    public async Task A_count_over_no_rows_is_0_from_a_rollup_and_grouped_counts_need_no_coalesce()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        // No call in 2025: the whole-year aggregate and the grand total of a ROLLUP see no rows.
        var kpis = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls", "talk_seconds", "asa"], Filters: [Equal("date.year", 2025)]), Ct);
        var rolled = await warehouse.Engine.QueryAsync(new OlapQuery("calls", ["calls"], ["queue"], [Equal("date.year", 2025)], Totals: OlapTotals.Rollup), Ct);
        var grouped = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls", "offered"], ["queue"], [Equal("date.year", 2025)]));

        Assert.Contains("FROM agg_", kpis.Sql, StringComparison.Ordinal);
        Assert.Equal([0L, null, null], Assert.Single(kpis.Rows)[^3..]);
        Assert.Equal(0L, Cell(rolled, Assert.Single(rolled.Rows), "calls"));
        Assert.Contains("FROM agg_", grouped.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("coalesce", grouped.Sql, StringComparison.Ordinal);
    }
}
