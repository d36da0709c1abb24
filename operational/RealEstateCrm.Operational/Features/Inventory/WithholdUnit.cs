using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>Takes an available unit off sale (保留房源, e.g. kept for the developer's own use) or puts a
/// withheld unit back on sale. The unit life cycle decides which moves are allowed.</summary>
[UseCase]
public sealed class WithholdUnit(CrmDbContext db)
{
    public sealed record Request(Guid UnitId, bool Withhold);

    public async Task<Unit> Handle(Request request, CancellationToken ct = default)
    {
        var unit = await db.Units.FindOrFail(request.UnitId, "unit", ct);
        unit.MoveTo(request.Withhold ? UnitStatus.Withheld : UnitStatus.Available, DateTime.UtcNow);
        await db.SaveRefusingConflictsAsync($"unit {unit.RoomNo}", "unit", ct);
        return unit;
    }
}
