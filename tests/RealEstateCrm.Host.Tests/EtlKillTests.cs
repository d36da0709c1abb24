using System.Globalization;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;
using static RealEstateCrm.Host.Tests.CliRun;

namespace RealEstateCrm.Host.Tests;

/// <summary>Exactly-once under a real crash: <c>crm etl run</c> in a child process, killed (SIGKILL) while it loads.</summary>
public sealed class EtlKillTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-etl-kill-test-").FullName;

    [Fact]
    public async Task Killing_etl_run_mid_load_then_rerunning_gives_the_same_warehouse_as_an_uninterrupted_run()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await new DemoSeeder(test.Database).SeedAsync(new SeedOptions(SeedScale.Small), ct: TestContext.Current.CancellationToken);
        var (clean, killed) = (Path.Combine(_folder, "clean.duckdb"), Path.Combine(_folder, "killed.duckdb"));

        // The uninterrupted run goes alongside the one to be killed: they share only the operational database, which both only read.
        var uninterrupted = CrmProcess.RunAsync(Bound, "etl", "run", "--db", DbOption(test), "--warehouse", clean);
        using (var crm = CrmProcess.Start("etl", "run", "--db", DbOption(test), "--warehouse", killed))
        {
            // Extraction progress is reported inside the load transaction, with the rest of the extraction and every
            // transformation still to come before the commit. (The display samples its status every 100 ms, so the
            // first such line is awaited rather than a given table's, which a fast run could pass between two samples.)
            await crm.WaitForLineAsync(line => line.StartsWith("extract ", StringComparison.Ordinal), Bound);
            crm.Kill();
        }
        Assert.Equal(0, await CommittedRunsAsync(killed));
        var (cleanExit, cleanOutput) = await uninterrupted;
        Assert.True(cleanExit == 0, cleanOutput);

        var (rerunExit, rerunOutput) = await CrmProcess.RunAsync(Bound, "etl", "run", "--db", DbOption(test), "--warehouse", killed);
        Assert.True(rerunExit == 0, rerunOutput);

        var expected = await DigestsAsync(clean);
        Assert.Contains(expected, t => t.StartsWith("fact_call ", StringComparison.Ordinal) && !t.StartsWith("fact_call 0 ", StringComparison.Ordinal));
        Assert.Equal(expected, await DigestsAsync(killed));
    }

    /// <summary>Proves the kill landed mid-load: a run that got as far as its commit leaves a watermark.</summary>
    private static async Task<long> CommittedRunsAsync(string path)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(path, ct: TestContext.Current.CancellationToken);
        return Convert.ToInt64(await warehouse.ScalarAsync("SELECT count(*) FROM etl_watermark", TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Per table, "name rows md5" over every row as text, sorted by the whole row (its keys, natural and surrogate,
    /// are among the columns), so the hash does not depend on the order the rows were stored in. Run bookkeeping (run ids, times, check results, compaction times) differs between runs by design and is left out.</summary>
    private static async Task<List<string>> DigestsAsync(string path)
    {
        await using var warehouse = await WarehouseDatabase.OpenAsync(path, ct: TestContext.Current.CancellationToken);
        var digests = new List<string>();
        foreach (var table in await warehouse.TableNamesAsync(TestContext.Current.CancellationToken))
        {
            if (table is "etl_run" or "etl_dq_result" or "schema_version" or "warehouse_compaction") continue;
            await using var command = warehouse.Connection.CreateCommand();
            command.CommandText = $"SELECT count(*), md5(coalesce(string_agg(CAST(t AS VARCHAR), chr(10) ORDER BY CAST(t AS VARCHAR)), '')) FROM {table} t";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            digests.Add($"{table} {reader.GetInt64(0)} {reader.GetString(1)}");
        }
        return digests;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
