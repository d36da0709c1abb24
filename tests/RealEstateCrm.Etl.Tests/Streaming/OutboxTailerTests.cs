using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Streaming;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests.Streaming;

public sealed class OutboxTailerTests
{
    private static readonly TimeSpan CatchUpBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LagBound = TimeSpan.FromSeconds(5);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task A_call_recorded_through_a_use_case_appears_in_the_warehouse_within_5_seconds(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        using var tailer = new OutboxTailer(bed.Operational.Database, warehouse, TimeProvider.System);
        await tailer.StartAsync(Ct);
        await Eventually.Within(CatchUpBound, async () => (await tailer.LagAsync(Ct)).EventsBehind == 0, "initial catch-up");

        await bed.RecordCallAsync("stream-test-call-1", new DateTime(2026, 6, 30, 10, 0, 0, DateTimeKind.Utc));
        var took = await Eventually.Within(LagBound, async () => await CountAsync(warehouse, "SELECT count(*) FROM fact_call WHERE call_id = 'stream-test-call-1'") == 1,
            "the new call in fact_call");

        await tailer.StopAsync(Ct);
        Assert.Null(tailer.LastError);
        Assert.True(took < LagBound);
        Assert.Equal(0, (await tailer.LagAsync(Ct)).EventsBehind);
    }

    [Fact]
    public async Task On_PostgreSQL_a_notification_wakes_the_tailer_long_before_its_idle_poll()
    {
        await using var bed = await EtlTestBed.Create(DatabaseProvider.Postgres);
        var warehouse = await bed.Warehouse();
        var slow = new StreamingOptions { MinIdle = TimeSpan.FromSeconds(30), MaxIdle = TimeSpan.FromSeconds(30) };
        using var tailer = new OutboxTailer(bed.Operational.Database, warehouse, TimeProvider.System, slow);
        await tailer.StartAsync(Ct);
        await Eventually.Within(CatchUpBound, async () => tailer.Idle && (await tailer.LagAsync(Ct)).EventsBehind == 0, "initial catch-up, then idle");

        await bed.RecordCallAsync("stream-test-call-2", new DateTime(2026, 6, 30, 11, 0, 0, DateTimeKind.Utc));
        await Eventually.Within(LagBound, async () => await CountAsync(warehouse, "SELECT count(*) FROM fact_call WHERE call_id = 'stream-test-call-2'") == 1,
            "the new call in fact_call (a 30 s poll would miss this bound)");
        await tailer.StopAsync(Ct);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Lag_counts_unapplied_events_and_the_age_of_the_oldest(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        var clock = new EtlTestBed.FixedClock(DateTimeOffset.UtcNow.AddMinutes(10));
        var writer = WarehouseWriter.Of(warehouse);
        var etl = new Batch.NightlyEtl(bed.Operational.Database, warehouse, clock);

        var before = await StreamingLag.MeasureAsync(bed.Operational.Database, writer, clock, Ct);
        Assert.Equal(0, before.Watermark);
        Assert.Equal(await LastSequenceAsync(bed), before.EventsBehind);
        Assert.Equal(await AgeAsync(bed, 1, clock), before.SecondsBehind, precision: 2);

        var applied = await etl.ApplyMicroBatchAsync(ct: Ct);
        Assert.NotNull(applied);
        var caughtUp = await StreamingLag.MeasureAsync(bed.Operational.Database, writer, clock, Ct);
        Assert.Equal((0L, 0.0), (caughtUp.EventsBehind, caughtUp.SecondsBehind));
        Assert.Null(await etl.ApplyMicroBatchAsync(ct: Ct));

        await bed.RecordCallAsync("stream-test-call-3", new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc));
        var after = await StreamingLag.MeasureAsync(bed.Operational.Database, writer, clock, Ct);
        Assert.Equal(1, after.EventsBehind);
        Assert.Equal(await AgeAsync(bed, after.LastSequence, clock), after.SecondsBehind, precision: 2);
        Assert.InRange(after.SecondsBehind, 590, 610);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task Batch_runs_and_streaming_together_over_a_stream_of_changes_end_like_one_batch_run_over_it(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        // Both warehouses first load the seeded state, so both see the customer before and after the move.
        var clean = await bed.Warehouse("clean");
        await bed.Etl(clean).RunAsync(ct: Ct);
        var mixed = await bed.Warehouse("mixed");
        using var tailer = new OutboxTailer(bed.Operational.Database, mixed, bed.Clock);
        await tailer.StartAsync(Ct);
        var seeded = await LastSequenceAsync(bed);
        await Eventually.Within(CatchUpBound, async () => (await tailer.LagAsync(Ct)).Watermark == seeded, "initial catch-up");

        var changes = ChangeStreamAsync(bed);
        var batches = Task.Run(async () =>
        {
            // Nightly runs land in the middle of the stream, on the same warehouse as the tailer.
            for (var i = 0; i < 4 && !changes.IsCompleted; i++) await bed.Etl(mixed).RunAsync(ct: Ct);
        }, Ct);
        await Task.WhenAll(changes, batches);
        var last = await LastSequenceAsync(bed);
        await Eventually.Within(CatchUpBound, async () => (await tailer.LagAsync(Ct)).Watermark == last, "streaming catch-up");
        await tailer.StopAsync(Ct);
        Assert.Null(tailer.LastError);
        // A last nightly run, as every day ends: it finds nothing new, so any duplicate left by the stream would stay.
        var final = await bed.Etl(mixed).RunAsync(ct: Ct);
        Assert.Equal(0, final.OutboxEvents);
        Assert.True(final.DataQualityPassed);

        var once = await bed.Etl(clean).RunAsync(ct: Ct);
        Assert.Equal(last - seeded, once.OutboxEvents);

        var expected = await EtlTestBed.ContentsAsync(clean);
        var actual = await EtlTestBed.ContentsAsync(mixed);
        foreach (var (table, rows) in expected) Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs between batch + streaming and one batch run: {string.Join(" / ", rows.Except(actual[table]).Take(3))} vs {string.Join(" / ", actual[table].Except(rows).Take(3))}");
        Assert.Equal(30, await EtlTestBed.CountAsync(mixed, "SELECT count(*) FROM fact_call WHERE call_id LIKE 'stream-mix-%'"));
        Assert.True(tailer.MicroBatches > 0);
    }

    /// <summary>A stream of separate commits: one customer moves to 苏州市 (a type-2 change), three customers' names are
    /// corrected (type 1), and 30 calls are recorded, some for the customer who moved.</summary>
    private static async Task ChangeStreamAsync(EtlTestBed bed)
    {
        var movedAt = new DateTime(2026, 6, 29, 9, 0, 0, DateTimeKind.Utc);
        List<Guid> customers;
        await using (var db = bed.Operational.Context("sales"))
        {
            var moving = await db.Customers.OrderBy(c => c.Code).FirstAsync(c => c.City != "苏州市", Ct);
            moving.City = "苏州市";
            moving.UpdatedAt = movedAt;
            await db.SaveChangesAsync(Ct);
            customers = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).Take(4).ToListAsync(Ct);
        }
        string[] names = ["王芳", "李娜", "刘洋"];
        for (var i = 0; i < 30; i++)
        {
            await bed.RecordCallAsync($"stream-mix-{i:00}", movedAt.AddHours(1 + i), customers[i % customers.Count]);
            if (i % 10 != 0) continue;
            await using var db = bed.Operational.Context("service");
            var customer = await db.Customers.SingleAsync(c => c.Id == customers[1 + i / 10], Ct);
            customer.Name = names[i / 10];
            await db.SaveChangesAsync(Ct);
        }
    }

    private static Task<long> CountAsync(WarehouseDatabase warehouse, string sql) =>
        WarehouseWriter.Of(warehouse).UseAsync(_ => EtlTestBed.CountAsync(warehouse, sql), Ct);

    private static async Task<long> LastSequenceAsync(EtlTestBed bed)
    {
        await using var db = bed.Operational.Context();
        return await db.OutboxMessages.MaxAsync(m => m.Sequence, Ct);
    }

    private static async Task<double> AgeAsync(EtlTestBed bed, long sequence, TimeProvider clock)
    {
        await using var db = bed.Operational.Context();
        var at = await db.OutboxMessages.Where(m => m.Sequence == sequence).Select(m => m.OccurredAt).SingleAsync(Ct);
        return (clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(at, DateTimeKind.Utc)).TotalSeconds;
    }
}
