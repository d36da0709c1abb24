using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary><c>crm etl run</c>: loads, reports data quality, and fails when a check fails.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class EtlCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-etl-cli-test-").FullName;
    private string WarehousePath => Path.Combine(_folder, "warehouse.duckdb");

    [Theory, ClassData(typeof(Providers))]
    public async Task Etl_run_loads_the_warehouse_and_exits_non_zero_when_a_data_quality_check_fails(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await new DemoSeeder(test.Database).SeedAsync(new SeedOptions(SeedScale.Tiny), ct: TestContext.Current.CancellationToken);

        var (loaded, output) = await Crm(test, "etl", "run", "--warehouse", WarehousePath);
        await using (var warehouse = await WarehouseDatabase.OpenAsync(WarehousePath, ct: TestContext.Current.CancellationToken))
            await warehouse.ExecuteAsync("DELETE FROM fact_payment WHERE payment_id = (SELECT min(payment_id) FROM fact_payment)", TestContext.Current.CancellationToken);
        var (broken, report) = await Crm(test, "etl", "run", "--warehouse", WarehousePath);
        var (rebuilt, rebuildOutput) = await Crm(test, "etl", "run", "--full", "--warehouse", WarehousePath);

        Assert.Equal(0, loaded);
        Assert.Contains("(incremental)", output);
        Assert.Contains("checks passed", output);
        Assert.Equal(1, broken);
        Assert.Contains("row count", report);
        Assert.Contains("fact_payment", report);
        Assert.Equal(0, rebuilt);
        Assert.Contains("(full)", rebuildOutput);
    }

    [Fact]
    public async Task Etl_run_refuses_an_empty_warehouse_path()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);

        var (exit, output) = await Crm(test, "etl", "run", "--warehouse", " ");

        Assert.Equal(2, exit);
        Assert.Contains("--warehouse", output);
    }

    [Fact]
    public async Task Etl_run_names_the_warehouse_file_it_cannot_open()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        var notADatabase = Path.Combine(_folder, "客户台帐.csv");
        var ledger = "code,name,phone\n" + string.Concat(Enumerable.Range(1, 400).Select(i => $"C{i:D4},张伟,1391234{i:D4}\n"));
        await File.WriteAllTextAsync(notADatabase, ledger, TestContext.Current.CancellationToken);

        var (exit, output) = await Crm(test, "etl", "run", "--warehouse", notADatabase);

        Assert.Equal(2, exit);
        Assert.Contains($"--warehouse: cannot open {notADatabase}", output);
        Assert.Equal(ledger, await File.ReadAllTextAsync(notADatabase, TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
