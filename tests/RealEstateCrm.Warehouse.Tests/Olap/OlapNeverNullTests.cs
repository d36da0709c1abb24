using System.Text.RegularExpressions;
using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Warehouse.Tests.Olap;

/// <summary>An attribute marked never NULL lets a ROLLUP or CUBE tell its subtotals by the NULLs alone, so the mark must
/// hold: every column it reads is NOT NULL in the schema and reached through inner joins only.</summary>
public sealed partial class OlapNeverNullTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"\b([a-z]+)\.([a-z_]+)\b")]
    private static partial Regex ColumnReference();

    [Fact]
    public async Task Every_attribute_marked_never_null_reads_only_not_null_columns_through_inner_joins()
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var nullable = new HashSet<(string, string)>();
        await using (var command = warehouse.Database.Connection.CreateCommand())
        {
            command.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE is_nullable = 'YES'";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) nullable.Add((reader.GetString(0), reader.GetString(1)));
        }

        var marked = OlapCatalog.Cubes.SelectMany(c => c.Dimensions.SelectMany(d => d.Attributes.Where(a => a.NeverNull).Select(a => (Cube: c, Attribute: a)))).ToList();
        Assert.NotEmpty(marked);
        foreach (var (cube, attribute) in marked)
        {
            var tables = new Dictionary<string, string> { ["f"] = cube.From.Split(' ')[0] };
            for (var join = attribute.Join; join is not null; join = join.After)
            {
                Assert.True(join.Inner, $"{cube.Name}: {attribute.Name} reads {join.Table} through an outer join");
                tables[join.Alias] = join.Table;
                // The fact's key of an inner join may be NULL (the row drops out), but never the joined column.
            }
            var references = ColumnReference().Matches(attribute.Sql).Select(m => (Table: tables[m.Groups[1].Value], Column: m.Groups[2].Value)).ToList();
            Assert.NotEmpty(references);
            Assert.All(references, r => Assert.False(nullable.Contains(r), $"{cube.Name}: {attribute.Name} reads {r.Table}.{r.Column}, which may be NULL"));
        }
    }

    [Theory]
    [InlineData(OlapTotals.Rollup)]
    [InlineData(OlapTotals.Cube)]
    public async Task Subtotals_over_never_null_levels_get_the_grouping_id_the_statement_would_select(OlapTotals totals)
    {
        await using var warehouse = await CallsWarehouse.CreateAsync(Ct);
        var query = new OlapQuery("calls", ["calls", "service_level"], ["direction", "outcome"], Totals: totals);

        var derived = OlapSqlBuilder.Build(query);
        var result = await warehouse.Engine.QueryAsync(query, Ct);

        Assert.Equal(OlapGroupingId.FromNulls, derived.GroupingId);
        Assert.DoesNotContain("grouping", derived.Sql, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("ORDER BY 1 NULLS LAST, 2 NULLS LAST", derived.Sql, StringComparison.Ordinal);
        // The same rows in the same order as the statement that selects GROUPING() itself (what an Arrow stream sends).
        var selected = OlapSqlBuilder.Build(query, selectGroupingId: true);
        Assert.Equal(OlapGroupingId.Selected, selected.GroupingId);
        await using var command = warehouse.Database.Connection.CreateCommand();
        command.CommandText = selected.Sql;
        var expected = new List<object?[]>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) expected.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        // The selected statement orders CUBE by each column's GROUPING() bit, then value: with no NULL values, the same order.
        Assert.Equal(expected.Count, result.Rows.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i], result.Rows[i]);
        Assert.Equal(totals == OlapTotals.Rollup ? [0, 1, 3] : [0, 1, 2, 3], result.Rows.Select(r => (int)r[result.IndexOf("grouping_id")]!).Distinct().Order());
    }

    [Fact]
    public void A_level_that_may_be_null_keeps_selecting_grouping_id()
    {
        var statement = OlapSqlBuilder.Build(new OlapQuery("calls", ["calls"], ["direction", "disposition"], Totals: OlapTotals.Rollup));

        Assert.Equal(OlapGroupingId.Selected, statement.GroupingId);
        Assert.Contains("GROUPING(", statement.Sql, StringComparison.Ordinal);
    }
}
