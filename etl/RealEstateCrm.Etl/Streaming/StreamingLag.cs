using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Etl.Streaming;

/// <summary>How far the warehouse trails the operational DB: <see cref="EventsBehind"/> = last outbox sequence −
/// watermark; <see cref="SecondsBehind"/> = now − when the oldest unapplied event happened (0 when caught up).</summary>
public sealed record StreamingLag(long Watermark, long LastSequence, double SecondsBehind, DateTimeOffset MeasuredAt)
{
    public long EventsBehind => LastSequence - Watermark;

    public static async Task<StreamingLag> MeasureAsync(CrmDatabase operational, WarehouseWriter writer, TimeProvider clock, CancellationToken ct = default)
    {
        var watermark = await writer.UseAsync(w => NightlyEtl.WatermarkAsync(w, ct), ct);
        await using var db = operational.CreateContext("etl");
        var last = await db.OutboxMessages.MaxAsync(m => (long?)m.Sequence, ct) ?? 0;
        var oldest = await db.OutboxMessages.Where(m => m.Sequence == watermark + 1).Select(m => (DateTime?)m.OccurredAt).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var seconds = oldest is { } at ? Math.Max(0, (now.UtcDateTime - DateTime.SpecifyKind(at, DateTimeKind.Utc)).TotalSeconds) : 0;
        return new StreamingLag(watermark, last, seconds, now);
    }
}
