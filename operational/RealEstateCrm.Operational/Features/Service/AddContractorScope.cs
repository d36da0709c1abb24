using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Makes a contractor responsible for one leaf category of the complaint library in one project.</summary>
[UseCase]
public sealed class AddContractorScope(CrmDbContext db)
{
    public sealed record Request(Guid ContractorId, Guid ProjectId, Guid CategoryId);

    public async Task<ContractorScope> Handle(Request request, CancellationToken ct = default)
    {
        var contractor = await db.Contractors.FindOrFail(request.ContractorId, "contractor", ct);
        var project = await db.Projects.FindOrFail(request.ProjectId, "project", ct);
        var category = await db.ComplaintCategories.FindOrFail(request.CategoryId, "category", ct);
        await ComplaintLibrary.RequireLeaf(db, category, "category", ct);
        if (await db.ContractorScopes.AnyAsync(s => s.ContractorId == contractor.Id && s.ProjectId == project.Id && s.ComplaintCategoryId == category.Id, ct))
            throw new DomainException($"{contractor.Name} already covers {category.Name} at {project.Name}", "category");
        var scope = new ContractorScope { ContractorId = contractor.Id, ProjectId = project.Id, ComplaintCategoryId = category.Id };
        db.ContractorScopes.Add(scope);
        await db.SaveChangesAsync(ct);
        return scope;
    }
}
