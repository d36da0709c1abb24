using System.Diagnostics;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>The <c>etl</c> suite, on a copy of the seeded database (large scale unless another is named): the full load
/// (<c>crm etl run --full</c>'s path, checks included) in rows/s against the raw DuckDB Appender on the same rows,
/// measured first in a process of its own (target ratio ≥ 0.5); then 1% of that many rows changed through the
/// operational model and the incremental load's time as a share of the full load's (target ≤ 5%), and the weekly
/// compaction after it.</summary>
internal static class EtlBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = SeedScale.Parse(args.FirstOrDefault() ?? SeedScale.Large.Name);
        Console.WriteLine($"etl benchmark: scale {scale.Name}, SQLite; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
        var operationalPath = await SeededDatabaseCache.CopyAsync(scale);
        var warehousePath = Path.Combine(Path.GetTempPath(), $"crm-bench-etl-{Guid.NewGuid():N}.duckdb");
        try
        {
            // First and in a process of its own, so nothing of it is in memory or in the page cache when the ETL runs: the
            // ETL's runs follow one another as a full load and the next nights' runs would.
            var baseline = await AppenderBaseline.MeasureInOwnProcessAsync(operationalPath);
            Console.WriteLine($"raw Appender (its own process), same rows and ods tables, rows materialised in memory: {baseline.Append.TotalSeconds:0.0} s = {baseline.AppendRowsPerSecond:N0} rows/s " +
                              $"(reading them typed took another {baseline.Read.TotalSeconds:0.0} s: read + append {baseline.ReadAndAppendRowsPerSecond:N0} rows/s)");
            var operational = new CrmDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={operationalPath}"));
            await operational.MigrateAsync();
            await using var warehouse = await WarehouseDatabase.OpenAsync(warehousePath);
            var etl = new NightlyEtl(operational, warehouse, TimeProvider.System);

            var (full, fullTime, fullCost, fullStages) = await TimedRunAsync(etl, full: true);
            var etlRate = full.RowsExtracted / fullTime.TotalSeconds;
            Console.WriteLine($"full ETL: {full.RowsExtracted:N0} rows in {fullTime.TotalSeconds:0.0} s = {etlRate:N0} rows/s, {fullCost} ({fullStages}); {Quality(full)}");

            if (baseline.Rows != full.RowsExtracted) throw new InvalidOperationException($"the Appender baseline read {baseline.Rows:N0} rows, the ETL {full.RowsExtracted:N0}");
            var ratio = etlRate / baseline.AppendRowsPerSecond;
            Console.WriteLine($"ETL / raw Appender: {ratio:0.000} (target ≥ 0.5: {(ratio >= 0.5 ? "met" : "MISSED")}); " +
                              $"ETL / (read + append): {etlRate / baseline.ReadAndAppendRowsPerSecond:0.000}");

            var changeClock = Stopwatch.StartNew();
            var mix = await OperationalChanges.ApplyAsync(operational, full.RowsExtracted / 100, DateTime.UtcNow);
            Console.WriteLine($"1% changed through SaveChanges in {changeClock.Elapsed.TotalSeconds:0.0} s: {mix}");

            var (incremental, incrementalTime, incrementalCost, incrementalStages) = await TimedRunAsync(etl, full: false);
            var share = incrementalTime / fullTime;
            Console.WriteLine($"incremental ETL: {incremental.OutboxEvents:N0} outbox events, {incremental.RowsExtracted:N0} rows in {incrementalTime.TotalSeconds:0.00} s, {incrementalCost} " +
                              $"({incrementalStages}); {Quality(incremental)}");
            Console.WriteLine($"incremental / full: {share:0.0%} (target ≤ 5%: {(share <= 0.05 ? "met" : "MISSED")})");
            // The loads leave their deleted rows stored and one nightly run a week compacts after its load (the full load
            // counted as one, so this run did not): what that night adds, timed after this one.
            var compaction = Stopwatch.StartNew();
            var (deadBefore, deadAfter) = await warehouse.CompactAsync("bench", DateTime.UtcNow);
            Console.WriteLine($"the weekly compaction, after it: {compaction.Elapsed.TotalSeconds:0.00} s, deleted rows still stored {deadBefore:N0} → {deadAfter:N0}; " +
                              $"incremental and compaction / full: {(incrementalTime + compaction.Elapsed) / fullTime:0.0%}");
            Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
            return 0;
        }
        finally
        {
            SeededDatabaseCache.Delete(operationalPath);
            foreach (var file in new[] { warehousePath, warehousePath + ".wal" }) File.Delete(file);
        }
    }

    // The CPU time (the whole process's, every thread's, DuckDB's included) is the steadier figure on shared cores; the
    // managed allocations (every thread's; DuckDB's and SQLite's native memory not included) are steady whatever the load.
    private static async Task<(EtlRunResult Result, TimeSpan Took, string Cost, string Stages)> TimedRunAsync(NightlyEtl etl, bool full)
    {
        var stages = new EtlStageClock();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await etl.RunAsync(full, stages);
        var took = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (result, took, $"{cpu.TotalSeconds:0.00} s CPU, {allocated / 1e6:N0} MB allocated", stages.Summary());
    }

    private static string Quality(EtlRunResult run) =>
        run.DataQualityPassed ? $"all {run.DataQuality.Count} data-quality checks passed"
        : $"data-quality checks FAILED: {string.Join(", ", run.DataQuality.Where(r => !r.Passed).Select(r => $"{r.CheckKind} {r.Subject} {r.Expected} ≠ {r.Actual}"))}";
}
