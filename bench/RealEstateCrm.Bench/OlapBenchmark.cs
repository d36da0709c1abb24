using System.Diagnostics;
using DuckDB.NET.Data;
using RealEstateCrm.Warehouse;
using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Bench;

/// <summary>The <c>olap</c> suite: twenty dashboard queries over a synthetic warehouse of 10M calls and its rollups. Per query:
/// p50/p95 of our layer (build + execute + read into an OlapResult) and the ratio of its median over the median of the best
/// hand-written SQL read the same way (<see cref="OlapBenchQueries"/>). After a warm-up, the two alternate run by run and
/// swap who goes first, so machine noise and caches hit both alike; a fast query runs more often (until each side has
/// had <see cref="Budget"/>), so its few-ms medians are not one noisy moment.</summary>
internal static class OlapBenchmark
{
    private const int WarmUp = 3;
    private const int MinRuns = 41;
    private const int MaxRuns = 401;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crm-olap-bench-{Environment.ProcessId}.duckdb");
        try
        {
            await using var warehouse = await WarehouseDatabase.OpenAsync(path);
            var clock = Stopwatch.StartNew();
            await OlapBenchData.FillAsync(warehouse);
            var generated = clock.Elapsed;
            clock.Restart();
            await OlapRollups.RebuildAsync(warehouse);
            var rollups = new List<string>();
            foreach (var r in OlapRollups.All) rollups.Add($"{r.Table} {await warehouse.ScalarAsync($"SELECT count(*) FROM {r.Table}"):N0} rows");
            Console.WriteLine($"olap benchmark: {OlapBenchData.Calls:N0} fact_call rows generated in {generated.TotalSeconds:0.0} s, rollups rebuilt in {clock.Elapsed.TotalSeconds:0.0} s ({string.Join(", ", rollups)}); " +
                              $"{Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}; {WarmUp} warm-up and {MinRuns}–{MaxRuns} measured runs per query and side ({Budget.TotalSeconds:0} s each at least)");
            var engine = new OlapEngine(warehouse.Connection);
            var allLayer = new List<double>();
            var worstP95 = 0.0;
            var ratios = new List<double>();
            Console.WriteLine($"{"query",-46} {"reads",-24} {"rows",6} {"runs",5} {"p50 ms",8} {"p95 ms",8} {"hand p50",9} {"ratio",6}");
            foreach (var c in OlapBenchQueries.All)
            {
                var first = await engine.QueryAsync(c.Query);
                var handRows = await HandAsync(warehouse.Connection, c);
                if (handRows != first.Rows.Count) throw new InvalidOperationException($"{c.Name}: layer returned {first.Rows.Count} rows, hand-written SQL {handRows}");
                var layer = new List<double>();
                var hand = new List<double>();
                var spent = 0.0;
                for (var i = 0; i < WarmUp + MinRuns || (spent < Budget.TotalMilliseconds && i < WarmUp + MaxRuns); i++)
                {
                    double layerMs, handMs;
                    if (i % 2 == 0)
                    {
                        layerMs = await TimeAsync(() => engine.QueryAsync(c.Query));
                        handMs = await TimeAsync(() => HandAsync(warehouse.Connection, c));
                    }
                    else
                    {
                        handMs = await TimeAsync(() => HandAsync(warehouse.Connection, c));
                        layerMs = await TimeAsync(() => engine.QueryAsync(c.Query));
                    }
                    if (i < WarmUp) continue;
                    spent += Math.Min(layerMs, handMs);
                    layer.Add(layerMs);
                    hand.Add(handMs);
                }
                var ratio = Percentile(layer, 50) / Percentile(hand, 50);
                ratios.Add(ratio);
                // Every query weighs the same in the overall percentiles, however often it ran.
                allLayer.AddRange(layer.Take(MinRuns));
                worstP95 = Math.Max(worstP95, Percentile(layer, 95));
                Console.WriteLine($"{c.Name,-46} {Reads(first.Sql),-24} {first.Rows.Count,6} {layer.Count,5} {Percentile(layer, 50),8:0.0} {Percentile(layer, 95),8:0.0} {Percentile(hand, 50),9:0.0} {ratio,6:0.00}");
            }
            Console.WriteLine($"all queries: p50 {Percentile(allLayer, 50):0.0} ms, p95 {Percentile(allLayer, 95):0.0} ms (target ≤ 300), worst per-query p95 {worstP95:0.0} ms; " +
                              $"ratio layer/hand: median {Percentile(ratios, 50):0.00}, max {ratios.Max():0.00}, {ratios.Count(r => r <= 1.1)} of {ratios.Count} within 1.1 (target ≤ 1.1); {SeedBenchmark.LoadAverage()}");
            return 0;
        }
        finally
        {
            foreach (var file in new[] { path, path + ".wal" }) File.Delete(file);
        }
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>The table the layer's statement aggregates: a rollup or the fact.</summary>
    private static string Reads(string sql) =>
        OlapRollups.All.Select(r => r.Table).FirstOrDefault(t => sql.Contains($"FROM {t} f", StringComparison.Ordinal))
        ?? OlapCatalog.Cubes.Select(c => c.From.Split(' ')[0]).First(t => sql.Contains($"FROM {t} f", StringComparison.Ordinal));

    private static async Task<int> HandAsync(DuckDBConnection connection, OlapBenchQueries.Case c)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = c.HandSql;
        foreach (var value in c.HandValues) command.Parameters.Add(new DuckDBParameter(value));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1];
    }
}
