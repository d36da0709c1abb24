using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm olap query</c> over a tiny seeded, ETL-loaded warehouse.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class OlapCommandTests
{
    [Fact]
    public async Task Olap_query_prints_the_cube_with_subtotals_that_match_the_warehouse()
    {
        var folder = Directory.CreateTempSubdirectory("crm-olap-cli-test-");
        try
        {
            await QueryLoadedWarehouse(Path.Combine(folder.FullName, "warehouse.duckdb"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task QueryLoadedWarehouse(string warehousePath)
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await new DemoSeeder(test.Database).SeedAsync(new SeedOptions(SeedScale.Tiny), ct: TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Crm(test, "etl", "run", "--warehouse", warehousePath)).ExitCode);

        var (exit, csv) = await Crm(test, "olap", "query", "--cube", "sales", "--measures", "contracts,sales_amount,avg_discount",
            "--by", "geography.city", "--rollup", "--format", "csv", "--warehouse", warehousePath);
        var (tableExit, table) = await Crm(test, "olap", "query", "--cube", "calls", "--measures", "offered,service_level,asa,abandon_rate",
            "--by", "date.month,queue", "--filter", "date.year>=2000", "--rollup", "--top", "3", "--warehouse", warehousePath);
        var (badExit, bad) = await Crm(test, "olap", "query", "--cube", "calls", "--measures", "count(*)", "--warehouse", warehousePath);

        Assert.Equal(0, exit);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("geography_city,grouping_id,contracts,sales_amount,avg_discount", lines[0]);
        var total = lines[^1].Split(',');
        Assert.Equal("1", total[1]);
        await using (var warehouse = await Warehouse.WarehouseDatabase.OpenAsync(warehousePath, ct: TestContext.Current.CancellationToken))
        {
            Assert.Equal(Convert.ToString(await warehouse.ScalarAsync("SELECT count(*) FROM fact_sale", TestContext.Current.CancellationToken)), total[2]);
            Assert.True((long)(await warehouse.ScalarAsync("SELECT count(*) FROM fact_sale", TestContext.Current.CancellationToken))! > 0);
        }
        Assert.Equal(0, tableExit);
        Assert.Contains("service_level", table);
        Assert.Equal(2, badExit);
        Assert.Contains("unknown measure 'count(*)' in cube calls; valid measures: calls, offered", bad);
    }
}
