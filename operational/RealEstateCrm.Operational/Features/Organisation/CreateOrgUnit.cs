using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;

namespace RealEstateCrm.Operational.Features.Organisation;

/// <summary>Creates a department or team, under a parent unit of the same company or at its top.</summary>
[UseCase]
public sealed class CreateOrgUnit(CrmDbContext db)
{
    public sealed record Request(Guid CompanyId, string Code, string Name, OrgUnitKind Kind = OrgUnitKind.Sales, Guid? ParentId = null);

    public async Task<OrgUnit> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Code, "code", 32)
            .NotBlank(request.Name, "name");
        validator.Require(await db.Companies.AnyAsync(c => c.Id == request.CompanyId, ct), "company", $"no company with id {request.CompanyId}");
        validator.Require(!await db.OrgUnits.AnyAsync(u => u.Code == request.Code, ct), "code", $"\"{request.Code}\" is taken");
        OrgUnit? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = await db.OrgUnits.FindAsync([parentId], ct);
            validator.Require(parent is not null, "parent", $"no org unit with id {parentId}");
            validator.Require(parent is null || parent.CompanyId == request.CompanyId, "parent", "the parent unit belongs to another company");
        }
        validator.ThrowIfInvalid();

        var unit = new OrgUnit { CompanyId = request.CompanyId, ParentId = parent?.Id, Code = request.Code, Name = request.Name, Kind = request.Kind };
        unit.Path = OrgUnitPaths.Below(parent, unit.Id);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }
}

/// <summary>How <see cref="OrgUnit.Path"/> is formed: the parent's path followed by the unit's own id,
/// so the path of a unit is a prefix of the path of everything below it.</summary>
public static class OrgUnitPaths
{
    public static string Below(OrgUnit? parent, Guid id) => (parent?.Path ?? "/") + id.ToString("N") + "/";
}
