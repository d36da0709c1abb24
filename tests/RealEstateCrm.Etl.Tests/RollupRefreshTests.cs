using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Streaming;
using RealEstateCrm.Etl.Tests.Streaming;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Calls;
using RealEstateCrm.Operational.Domain.Service;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;
using RealEstateCrm.Warehouse.Olap;

namespace RealEstateCrm.Etl.Tests;

public sealed class RollupRefreshTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(Providers))]
    public async Task Rollups_equal_their_facts_after_full_incremental_and_streaming_loads(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();

        await bed.Etl(warehouse).RunAsync(full: true, ct: Ct);
        Assert.True(await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM agg_call_day_queue_hour") > 0);
        Assert.True(await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM agg_work_order_day_project_category") > 0);
        await AssertRollupsEqualFactsAsync(warehouse, "after the full load");

        await bed.RecordCallAsync("rollup-new-day", new DateTime(2026, 6, 28, 21, 30, 0, DateTimeKind.Utc));
        await MoveAndDeleteAsync(bed, skip: 0);
        await bed.Etl(warehouse).RunAsync(ct: Ct);
        await AssertRollupsEqualFactsAsync(warehouse, "after an incremental load that added, moved and deleted calls and moved a work order");

        using var tailer = new OutboxTailer(bed.Operational.Database, warehouse, bed.Clock);
        await tailer.StartAsync(Ct);
        for (var i = 0; i < 5; i++) await bed.RecordCallAsync($"rollup-stream-{i}", new DateTime(2026, 6, 29, 8 + i, 0, 0, DateTimeKind.Utc));
        await MoveAndDeleteAsync(bed, skip: 2);
        await Eventually.Within(TimeSpan.FromSeconds(60), async () => (await tailer.LagAsync(Ct)).EventsBehind == 0, "streaming catch-up");
        await tailer.StopAsync(Ct);
        Assert.Null(tailer.LastError);
        await AssertRollupsEqualFactsAsync(warehouse, "after streaming micro-batches");
        Assert.Equal(6, await EtlTestBed.CountAsync(warehouse, "SELECT CAST(sum(calls) AS BIGINT) FROM agg_call_day_outcome WHERE started_date_key IN (20260628, 20260629)")
                        - await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_call WHERE started_date_key IN (20260628, 20260629) AND call_id NOT LIKE 'rollup-%'"));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_micro_batch_of_calls_only_leaves_the_work_order_rollups_alone(DatabaseProvider provider)
    {
        await using var bed = await EtlTestBed.Create(provider);
        var warehouse = await bed.Warehouse();
        var etl = bed.Etl(warehouse);
        await etl.RunAsync(full: true, ct: Ct);
        // A work-order rollup day removed by hand: only a refresh of the work-order rollups would bring it back.
        await warehouse.ExecuteAsync("DELETE FROM agg_work_order_day_project_category WHERE opened_date_key = (SELECT min(opened_date_key) FROM agg_work_order_day_project_category)", Ct);

        await bed.RecordCallAsync("rollup-calls-only", new DateTime(2026, 6, 29, 9, 0, 0, DateTimeKind.Utc));
        Assert.NotNull(await etl.ApplyMicroBatchAsync(ct: Ct));

        var workOrders = OlapRollups.All.Single(r => r.Table == "agg_work_order_day_project_category");
        Assert.True(await OlapRollups.DifferingRowsAsync(warehouse, workOrders, Ct) > 0, "a batch without work-order changes refreshed the work-order rollup");
        foreach (var rollup in OlapRollups.All.Where(r => r.Fact == "fact_call"))
            Assert.True(await OlapRollups.DifferingRowsAsync(warehouse, rollup, Ct) == 0, $"{rollup.Table} differs from fact_call after the call's micro-batch");
        Assert.Equal(1, await EtlTestBed.CountAsync(warehouse, "SELECT count(*) FROM fact_call WHERE call_id = 'rollup-calls-only'"));
    }

    /// <summary>Moves one seeded call and one work order 40 days later (their old and new days both change) and deletes the next call.</summary>
    private static async Task MoveAndDeleteAsync(EtlTestBed bed, int skip)
    {
        await using var db = bed.Operational.Context("agent");
        var calls = await db.Set<CallRecord>().Where(c => !c.CallId.StartsWith("rollup-")).OrderBy(c => c.CallId).Skip(skip).Take(2).ToListAsync(Ct);
        calls[0].StartedAt = calls[0].StartedAt.AddDays(40);
        calls[0].EndedAt = calls[0].EndedAt.AddDays(40);
        db.Remove(calls[1]);
        var workOrder = await db.Set<WorkOrder>().OrderBy(w => w.Number).Skip(skip).FirstAsync(Ct);
        workOrder.OpenedAt = workOrder.OpenedAt.AddDays(40);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task AssertRollupsEqualFactsAsync(WarehouseDatabase warehouse, string when)
    {
        foreach (var rollup in OlapRollups.All)
            Assert.True(await OlapRollups.DifferingRowsAsync(warehouse, rollup, Ct) == 0, $"{rollup.Table} differs from its fact {when}");
    }
}
