using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm warehouse export</c> and <c>crm warehouse compact</c> on a warehouse loaded from the tiny demo data.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class WarehouseCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("crm-warehouse-cli-test-");

    public void Dispose() => _root.Delete(recursive: true);

    private string WarehousePath => Path.Join(_root.FullName, "warehouse.duckdb");
    private string ExportPath => Path.Join(_root.FullName, "parquet");

    /// <summary>An operational database seeded with the tiny demo data, loaded into <see cref="WarehousePath"/>.</summary>
    private async Task<TestDatabase> LoadedAsync()
    {
        var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        Assert.Equal(0, (await Crm(test, "seed", "--scale", "tiny")).ExitCode);
        Assert.Equal(0, (await Crm(test, "etl", "run", "--warehouse", WarehousePath)).ExitCode);
        return test;
    }

    [Fact]
    public async Task Warehouse_export_writes_readable_parquet_and_refuses_unknown_tables_and_a_used_directory()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await LoadedAsync();

        var (exported, output) = await Crm(test, "warehouse", "export", "--to", ExportPath, "--format", "parquet", "--warehouse", WarehousePath);
        var (unknown, unknownOutput) = await Crm(test, "warehouse", "export", "--to", Path.Join(_root.FullName, "other"), "--tables", "fact_call,客户", "--warehouse", WarehousePath);
        var (used, usedOutput) = await Crm(test, "warehouse", "export", "--to", ExportPath, "--warehouse", WarehousePath);
        var (replaced, _) = await Crm(test, "warehouse", "export", "--to", ExportPath, "--tables", "fact_call", "--overwrite", "--warehouse", WarehousePath);

        Assert.Equal(0, exported);
        Assert.Contains("started_date_key", output);
        Assert.Contains("exported", output);
        Assert.Equal(2, unknown);
        Assert.Contains("--tables: unknown table 客户; valid tables: dim_agent, dim_building", unknownOutput);
        Assert.Equal(2, used);
        Assert.Contains("--to:", usedOutput);
        Assert.Contains("not empty", usedOutput);
        Assert.Equal(0, replaced);
        Assert.Equal(["_manifest.json", "fact_call"], Directory.GetFileSystemEntries(ExportPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await using var warehouse = await Warehouse.WarehouseDatabase.OpenAsync(WarehousePath, ct: ct);
        var calls = await warehouse.ScalarAsync("SELECT count(*) FROM fact_call", ct);
        Assert.NotEqual(0L, calls);
        Assert.Equal(calls, await warehouse.ScalarAsync($"SELECT count(*) FROM read_parquet('{ExportPath}/fact_call/**/*.parquet', hive_partitioning = true)", ct));
    }

    [Fact]
    public async Task Warehouse_compact_records_itself_and_refuses_a_file_that_is_no_warehouse()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await LoadedAsync();

        var notAWarehouse = Path.Join(_root.FullName, "customers.csv");
        await File.WriteAllTextAsync(notAWarehouse, "code,name\nC001,张三\n", ct);

        var (compacted, output) = await Crm(test, "warehouse", "compact", "--warehouse", WarehousePath);
        var (foreign, foreignOutput) = await Crm(test, "warehouse", "compact", "--warehouse", notAWarehouse);

        Assert.Equal(0, compacted);
        Assert.Contains("compacted", output);
        Assert.Contains("deleted rows still stored", output);
        Assert.Equal(2, foreign);
        Assert.Contains("--warehouse", foreignOutput);
        Assert.Equal("code,name\nC001,张三\n", await File.ReadAllTextAsync(notAWarehouse, ct));
        await using var warehouse = await Warehouse.WarehouseDatabase.OpenAsync(WarehousePath, ct: ct);
        Assert.Equal("first load,on demand", await warehouse.ScalarAsync("SELECT string_agg(reason, ',' ORDER BY compacted_at, reason = 'on demand') FROM warehouse_compaction", ct));
    }
}
