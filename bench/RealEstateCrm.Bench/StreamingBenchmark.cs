using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RealEstateCrm.Etl.Streaming;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Bench;

/// <summary>The <c>streaming</c> suite: one writer commits call records through SaveChanges at a fixed rate (default
/// 500/s for 60 s, one change per commit) while the <see cref="OutboxTailer"/> streams them into a DuckDB warehouse;
/// per change, the lag from its commit to the micro-batch that made it visible. Target: p95 ≤ 2 s.</summary>
internal static class StreamingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        await using var databases = await BenchDatabases.StartAsync();
        Console.WriteLine($"streaming benchmark: {rate} changes/s for {seconds} s over a tiny seed; {Environment.ProcessorCount} cores, {SeedBenchmark.LoadAverage()}");
        Console.WriteLine($"PostgreSQL: {(databases.PostgresServer is null ? "" : "present, ")}{databases.PostgresSource}");
        var providers = databases.PostgresServer is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers) await MeasureAsync(provider, await databases.NewAsync(provider), seconds, rate);
        Console.WriteLine($"done; {SeedBenchmark.LoadAverage()}");
        if (databases.PostgresServer is null) Console.WriteLine("PostgreSQL figures missing: set CRM_BENCH_POSTGRES or install the PostgreSQL server binaries.");
        return 0;
    }

    private static async Task MeasureAsync(DatabaseProvider provider, CrmDatabase database, int seconds, int rate)
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

            var count = seconds * rate;
            var committed = await WriteAsync(database, count, rate);
            var last = await WaitForCatchUpAsync(tailer, TimeSpan.FromMinutes(5));
            await tailer.StopAsync(CancellationToken.None);
            if (last != baseline + count) throw new InvalidOperationException($"expected outbox sequence {baseline + count}, found {last}: something else wrote");

            var lags = Lags(baseline, committed.Times, visible.ToArray());
            var batches = tailer.MicroBatches - batchesBefore;
            Console.WriteLine($"{provider,-9} {count:N0} changes in {committed.Elapsed.TotalSeconds:0.0} s ({count / committed.Elapsed.TotalSeconds:N0} changes/s committed), " +
                              $"{batches:N0} micro-batches ({(double)count / batches:0.0} changes each)");
            Console.WriteLine($"{provider,-9} lag commit → visible in the warehouse: p50 {Percentile(lags, 0.50):0.000} s, p95 {Percentile(lags, 0.95):0.000} s, " +
                              $"p99 {Percentile(lags, 0.99):0.000} s, max {lags[^1]:0.000} s (target p95 ≤ 2 s: {(Percentile(lags, 0.95) <= 2 ? "met" : "MISSED")})");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One change per SaveChanges, paced to <paramref name="rate"/>; the commit time of each (the time
    /// SaveChanges returned), in outbox-sequence order since this is the only writer.</summary>
    private static async Task<(long[] Times, TimeSpan Elapsed)> WriteAsync(CrmDatabase database, int count, int rate)
    {
        var times = new long[count];
        var started = Stopwatch.GetTimestamp();
        var at = new DateTime(2026, 6, 30, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            await using var db = database.CreateContext("bench");
            var startedAt = at.AddSeconds(i);
            db.Add(new CallRecord
            {
                CallId = $"bench-{i:0000000}", Direction = CallDirection.Inbound, Caller = $"139{i % 100_000_000:00000000}", Callee = "4008001234",
                Queue = "sales", StartedAt = startedAt, AnsweredAt = startedAt.AddSeconds(8), EndedAt = startedAt.AddSeconds(98),
                WaitSeconds = 8, TalkSeconds = 90, Outcome = CallOutcome.Answered, IvrPath = "1-2",
            });
            await db.SaveChangesAsync();
            times[i] = Stopwatch.GetTimestamp();
        }
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
