using System.Diagnostics;
using DuckDB.NET.Data;
using RealEstateCrm.Warehouse;
using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Bench;

/// <summary>The <c>olap</c> suite: twenty dashboard queries over a synthetic warehouse of 10M calls. Per query:
/// p50/p95 of our layer (build + execute + read into an OlapResult) and the ratio of its median over the median
/// of the same hand-written SQL read the same way. Runs alternate so machine noise hits both alike.</summary>
internal static class OlapBenchmark
{
    private const int Runs = 15;

    public static async Task<int> RunAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crm-olap-bench-{Environment.ProcessId}.duckdb");
        try
        {
            await using var warehouse = await WarehouseDatabase.OpenAsync(path);
            var clock = Stopwatch.StartNew();
            await OlapBenchData.FillAsync(warehouse);
            Console.WriteLine($"olap benchmark: {OlapBenchData.Calls:N0} fact_call rows generated in {clock.Elapsed.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores; {Runs} runs per query");
            var engine = new OlapEngine(warehouse.Connection);
            var allLayer = new List<double>();
            var worstP95 = 0.0;
            var ratios = new List<double>();
            Console.WriteLine($"{"query",-46} {"rows",6} {"p50 ms",8} {"p95 ms",8} {"hand p50",9} {"ratio",6}");
            foreach (var c in OlapBenchQueries.All)
            {
                var rows = (await engine.QueryAsync(c.Query)).Rows.Count;
                var handRows = await HandAsync(warehouse.Connection, c.HandSql);
                if (handRows != rows) throw new InvalidOperationException($"{c.Name}: layer returned {rows} rows, hand-written SQL {handRows}");
                var layer = new List<double>();
                var hand = new List<double>();
                for (var i = 0; i < Runs; i++)
                {
                    clock.Restart();
                    await engine.QueryAsync(c.Query);
                    layer.Add(clock.Elapsed.TotalMilliseconds);
                    clock.Restart();
                    await HandAsync(warehouse.Connection, c.HandSql);
                    hand.Add(clock.Elapsed.TotalMilliseconds);
                }
                var ratio = Percentile(layer, 50) / Percentile(hand, 50);
                ratios.Add(ratio);
                allLayer.AddRange(layer);
                worstP95 = Math.Max(worstP95, Percentile(layer, 95));
                Console.WriteLine($"{c.Name,-46} {rows,6} {Percentile(layer, 50),8:0.0} {Percentile(layer, 95),8:0.0} {Percentile(hand, 50),9:0.0} {ratio,6:0.00}");
            }
            Console.WriteLine($"all queries: p50 {Percentile(allLayer, 50):0.0} ms, p95 {Percentile(allLayer, 95):0.0} ms (target ≤ 300), worst per-query p95 {worstP95:0.0} ms; " +
                              $"ratio layer/hand: median {Percentile(ratios, 50):0.00}, max {ratios.Max():0.00} (target ≤ 1.1)");
            return 0;
        }
        finally
        {
            foreach (var file in new[] { path, path + ".wal" }) File.Delete(file);
        }
    }

    private static async Task<int> HandAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
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
