using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Streaming;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Features.Calls;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>The <c>streaming</c> suite: several concurrent writers (default 8) record calls through the
/// <see cref="RecordCallDetail"/> use case, one call per commit, together paced to a target rate (default 500/s for
/// 60 s), while the <see cref="OutboxTailer"/> streams them into a DuckDB warehouse. Per change, the lag from its commit
/// to the micro-batch that made it visible; and the rate of commits actually reached. Target: p95 ≤ 2 s at 500/s.</summary>
internal static class StreamingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var writers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        await using var databases = await BenchDatabases.StartAsync();
        Console.WriteLine($"streaming benchmark: {rate} changes/s for {seconds} s from {writers} concurrent writers over a tiny seed; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
        Console.WriteLine($"PostgreSQL: {(databases.PostgresServer is null ? "" : "present, ")}{databases.PostgresSource}");
        var providers = databases.PostgresServer is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers) await MeasureAsync(provider, await databases.NewAsync(provider, pooled: true), seconds, rate, writers);
        Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
        if (databases.PostgresServer is null) Console.WriteLine("PostgreSQL figures missing: set CRM_BENCH_POSTGRES or install the PostgreSQL server binaries.");
        return 0;
    }

    private static async Task MeasureAsync(DatabaseProvider provider, CrmDatabase database, int seconds, int rate, int writers)
    {
        await new DemoSeeder(database).SeedAsync(new SeedOptions(SeedScale.Tiny));
        var path = Path.Combine(Path.GetTempPath(), $"crm-bench-{Guid.NewGuid():N}.duckdb");
        try
        {
            await using var warehouse = await WarehouseDatabase.OpenAsync(path);
            var visible = new ConcurrentQueue<(long Sequence, long At)>();
            using var tailer = new OutboxTailer(database, warehouse, TimeProvider.System);
            tailer.Applied += run => visible.Enqueue((run.ToSequence, Stopwatch.GetTimestamp()));
            await tailer.StartAsync(CancellationToken.None);
            var baseline = await WaitForCatchUpAsync(tailer, TimeSpan.FromMinutes(2));
            var batchesBefore = tailer.MicroBatches;
            var visibleBefore = visible.Count;

            var count = seconds * rate;
            var (committed, elapsed) = await WriteAsync(database, baseline, count, rate, writers);
            var last = await WaitForCatchUpAsync(tailer, TimeSpan.FromMinutes(5));
            await tailer.StopAsync(CancellationToken.None);
            if (last != baseline + count) throw new InvalidOperationException($"expected outbox sequence {baseline + count}, found {last}: something else wrote");

            var lags = Lags(baseline, committed, visible.Skip(visibleBefore).ToArray());
            var batches = tailer.MicroBatches - batchesBefore;
            Console.WriteLine($"{provider,-9} {count:N0} changes from {writers} writers in {elapsed.TotalSeconds:0.0} s ({count / elapsed.TotalSeconds:N0} changes/s committed, target {rate}), " +
                              $"{batches:N0} micro-batches ({(double)count / batches:0.0} changes each)");
            Console.WriteLine($"{provider,-9} lag commit → visible in the warehouse: p50 {Percentile(lags, 0.50):0.000} s, p95 {Percentile(lags, 0.95):0.000} s, " +
                              $"p99 {Percentile(lags, 0.99):0.000} s, max {lags[^1]:0.000} s (target p95 ≤ 2 s: {(Percentile(lags, 0.95) <= 2 ? "met" : "MISSED")})");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Change i is due at i / rate s; writer w takes the changes w, w + writers, ... and sends each when due (or at
    /// once when behind). Each commit's time (when SaveChanges returned) is stored at its outbox sequence − baseline − 1:
    /// sequences are handed out in commit order, so a writer learns its change's place from the outbox row it wrote.</summary>
    private static async Task<(long[] Times, TimeSpan Elapsed)> WriteAsync(CrmDatabase database, long baseline, int count, int rate, int writers)
    {
        var times = new long[count];
        Guid agentId;
        await using (var db = database.CreateContext("bench")) agentId = await db.Agents.OrderBy(a => a.AgentNo).Select(a => a.Id).FirstAsync();
        var at = new DateTime(2026, 6, 30, 9, 0, 0, DateTimeKind.Utc);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = w; i < count; i += writers)
            {
                var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero) await Task.Delay(due);
                await using var db = database.CreateContext("bench");
                var startedAt = at.AddSeconds(i);
                await new RecordCallDetail(db).Handle(new RecordCallDetail.Request($"bench-{i:0000000}", CallDirection.Inbound, $"139{i % 100_000_000:00000000}", "4008001234",
                    CallOutcome.Answered, startedAt, startedAt.AddSeconds(98), AnsweredAt: startedAt.AddSeconds(8), WaitSeconds: 8, TalkSeconds: 90,
                    AgentId: agentId, Queue: "sales", IvrPath: "1-2"));
                var sequence = db.OutboxMessages.Local.Single().Sequence;
                times[sequence - baseline - 1] = Stopwatch.GetTimestamp();
            }
        })));
        return (times, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Seconds from each change's commit to the first micro-batch whose watermark covers it, sorted.</summary>
    private static double[] Lags(long baseline, long[] committed, (long Sequence, long At)[] visible)
    {
        var lags = new double[committed.Length];
        var batch = 0;
        for (var i = 0; i < committed.Length; i++)
        {
            var sequence = baseline + i + 1;
            while (visible[batch].Sequence < sequence) batch++;
            // A batch can commit before SaveChanges has returned to the writer: that change's lag is ~0.
            lags[i] = Math.Max(0, Stopwatch.GetElapsedTime(committed[i], visible[batch].At).TotalSeconds);
        }
        Array.Sort(lags);
        return lags;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<long> WaitForCatchUpAsync(OutboxTailer tailer, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var lag = await tailer.LagAsync();
            if (lag.EventsBehind == 0) return lag.Watermark;
            if (clock.Elapsed > bound) throw new TimeoutException($"the tailer is still {lag.EventsBehind:N0} events behind after {bound.TotalSeconds:0} s");
            await Task.Delay(50);
        }
    }
}
