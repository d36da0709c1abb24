using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Moves an org unit (and everything below it) under another parent, or to the top of its company.
/// Every path in the subtree is rewritten so supervisors' scopes follow the move at once.</summary>
[UseCase]
public sealed class MoveOrgUnit(CrmDbContext db)
{
    public sealed record Request(Guid OrgUnitId, Guid? NewParentId);

    public async Task<OrgUnit> Handle(Request request, CancellationToken ct = default)
    {
        var unit = await db.OrgUnits.FindOrFail(request.OrgUnitId, "org-unit", ct);
        OrgUnit? parent = null;
        if (request.NewParentId is { } parentId)
        {
            parent = await db.OrgUnits.FindOrFail(parentId, "parent", ct);
            if (parent.CompanyId != unit.CompanyId) throw new DomainException("an org unit cannot move to another company's tree", "parent");
            // A unit under its own subtree would make a cycle and orphan the whole branch.
            if (parent.Path.StartsWith(unit.Path, StringComparison.Ordinal)) throw new DomainException($"{parent.Name} is {unit.Name} itself or below it", "parent");
        }

        var oldPath = unit.Path;
        var newPath = OrgUnitPaths.Below(parent, unit.Id);
        var subtree = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath)).ToListAsync(ct);
        foreach (var member in subtree) member.Path = newPath + member.Path[oldPath.Length..];
        unit.ParentId = parent?.Id;
        await db.SaveChangesAsync(ct);
        return unit;
    }
}
