using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>房源生成: creates every unit of a building from its floor plan. Once only: a second run would
/// duplicate rooms or, after sales started, overwrite what was sold.</summary>
[UseCase]
public sealed class GenerateUnits(CrmDbContext db)
{
    public sealed record Request(Guid BuildingId);

    public async Task<IReadOnlyList<Unit>> Handle(Request request, CancellationToken ct = default)
    {
        var building = await db.Buildings.Include(b => b.Stacks).SingleOrDefaultAsync(b => b.Id == request.BuildingId, ct)
                       ?? throw Lookups.NotFound<Building>("building", request.BuildingId);
        if (await db.Units.AnyAsync(u => u.BuildingId == building.Id, ct))
            throw new DomainException($"the units of building {building.Name} were already generated", "building");

        var units = UnitGenerator.Generate(building, DateTime.UtcNow).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync(ct);
        return units;
    }
}
