using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Handover;
using RealEstateCrm.Operational.Domain.Inventory;
using RealEstateCrm.Operational.Domain.Sales;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Handover;

/// <summary>Hands the keys over (正式交付): the unit and its contract become HandedOver. Refused until the
/// unit's formal inspection is accepted and while any critical issue found on it, in any batch, is unfixed.</summary>
[UseCase]
public sealed class HandOverUnit(CrmDbContext db, TimeProvider clock)
{
    public sealed record Request(Guid BatchId, Guid UnitId);

    public async Task<InspectionUnit> Handle(Request request, CancellationToken ct = default)
    {
        var (batch, inspected) = await InspectionUnits.Find(db, request.BatchId, request.UnitId, ct);
        var unit = await db.Units.SingleAsync(u => u.Id == inspected.UnitId, ct);
        if (batch.Kind != InspectionKind.FormalHandover)
            throw new DomainException($"batch \"{batch.Name}\" is a mock inspection; units are handed over in a formal handover batch", "batch");
        if (inspected.Result is not (InspectionResult.Accepted or InspectionResult.AcceptedWithIssues))
            throw new DomainException($"unit {unit.RoomNo} has inspection result {inspected.Result}; the buyer must accept it first", "unit");
        var openCritical = await (
            from i in db.InspectionIssues
            join u in db.InspectionUnits on i.InspectionUnitId equals u.Id
            where u.UnitId == unit.Id && i.Severity == Severity.Critical && i.FixedAt == null
            select i.Location).ToListAsync(ct);
        if (openCritical.Count > 0)
            throw new DomainException($"unit {unit.RoomNo} has unfixed critical issues: {string.Join(", ", openCritical.Order())}", "unit");
        var contract = await db.Contracts.SingleOrDefaultAsync(c => c.UnitId == unit.Id && c.Status != ContractStatus.Cancelled, ct)
            ?? throw new DomainException($"unit {unit.RoomNo} has no contract to hand over under", "unit");

        var at = clock.GetUtcNow().UtcDateTime;
        unit.MoveTo(UnitStatus.HandedOver, at);
        contract.Status = ContractStatus.HandedOver;
        inspected.HandedOverAt = at;
        if (await db.InspectionUnits.CountAsync(u => u.BatchId == batch.Id && u.HandedOverAt == null && u.Id != inspected.Id, ct) == 0)
            batch.Status = BatchStatus.Completed;
        await db.SaveChangesAsync(ct);
        return inspected;
    }
}
