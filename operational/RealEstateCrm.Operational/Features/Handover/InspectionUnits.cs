using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Handover;

namespace RealEstateCrm.Operational.Features.Handover;

internal static class InspectionUnits
{
    /// <summary>A unit's place in a batch, with its issues, or a refusal naming the unit.</summary>
    public static async Task<(InspectionBatch Batch, InspectionUnit Unit)> Find(CrmDbContext db, Guid batchId, Guid unitId, CancellationToken ct)
    {
        var batch = await db.InspectionBatches.FindOrFail(batchId, "batch", ct);
        var unit = await db.InspectionUnits.Include(u => u.Issues).SingleOrDefaultAsync(u => u.BatchId == batchId && u.UnitId == unitId, ct)
            ?? throw new DomainException($"unit {unitId} is not in batch \"{batch.Name}\"", "unit");
        return (batch, unit);
    }
}
