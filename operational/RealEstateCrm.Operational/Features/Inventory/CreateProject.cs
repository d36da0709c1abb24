using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Inventory;

namespace RealEstateCrm.Operational.Features.Inventory;

/// <summary>Creates a development (项目/楼盘), owned by the org unit that sells it.</summary>
[UseCase]
public sealed class CreateProject(CrmDbContext db)
{
    public sealed record Request(string Code, string Name, string City, Guid CompanyId, Guid OrgUnitId, decimal BasePricePerSqm,
        string? District = null, string? Address = null, DateOnly? LaunchDate = null);

    public async Task<Project> Handle(Request request, CancellationToken ct = default)
    {
        var validator = new Validator()
            .NotBlank(request.Code, "code", 16)
            .NotBlank(request.Name, "name")
            .NotBlank(request.City, "city", 50)
            .Require(request.BasePricePerSqm > 0, "base-price-per-sqm", "must be positive")
            .MaxLength(request.District, "district")
            .MaxLength(request.Address, "address");
        validator.Require(!await db.Projects.AnyAsync(p => p.Code == request.Code, ct), "code", $"\"{request.Code}\" is taken");
        validator.Require(await db.Companies.AnyAsync(c => c.Id == request.CompanyId, ct), "company", $"no company with id {request.CompanyId}");
        var unit = await db.OrgUnits.FindAsync([request.OrgUnitId], ct);
        validator.Require(unit is not null, "org-unit", $"no org unit with id {request.OrgUnitId}");
        validator.Require(unit is null || unit.CompanyId == request.CompanyId, "org-unit", "the org unit belongs to another company");
        validator.ThrowIfInvalid();

        var project = new Project
        {
            Code = request.Code.Trim(),
            Name = request.Name,
            City = request.City,
            District = request.District,
            Address = request.Address,
            CompanyId = request.CompanyId,
            OrgUnitId = request.OrgUnitId,
            LaunchDate = request.LaunchDate,
            BasePricePerSqm = request.BasePricePerSqm,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }
}
