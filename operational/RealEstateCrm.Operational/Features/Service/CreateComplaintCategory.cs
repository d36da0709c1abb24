using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Domain.Service;

namespace RealEstateCrm.Operational.Features.Service;

/// <summary>Adds a category to the standard complaint library, at the top or under a parent. Only leaves
/// are used by work orders and contractor scopes, so a category already in use cannot become a parent.</summary>
[UseCase]
public sealed class CreateComplaintCategory(CrmDbContext db)
{
    public sealed record Request(string Code, string Name, int SlaHours, Severity Severity = Severity.Normal, Guid? ParentId = null, Guid? DefaultDepartmentId = null);

    public async Task<ComplaintCategory> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Code, "code", 32)
            .NotBlank(request.Name, "name", 100)
            .Require(request.SlaHours is >= 1 and <= 24 * 365, "sla-hours", "must be between 1 and 8760 hours")
            .Require(Enum.IsDefined(request.Severity), "severity", "must be Low, Normal, High or Critical")
            .Require(!await db.ComplaintCategories.AnyAsync(c => c.Code == request.Code, ct), "code", $"\"{request.Code}\" is taken")
            .Require(await db.ComplaintCategories.ExistsOrAbsent(request.ParentId, ct), "parent", Lookups.NotFoundMessage<ComplaintCategory>(request.ParentId))
            .Require(await db.OrgUnits.ExistsOrAbsent(request.DefaultDepartmentId, ct), "department", Lookups.NotFoundMessage<OrgUnit>(request.DefaultDepartmentId))
            .ThrowIfInvalid();
        if (request.ParentId is { } parentId
            && (await db.WorkOrders.AnyAsync(w => w.CategoryId == parentId, ct) || await db.ContractorScopes.AnyAsync(s => s.ComplaintCategoryId == parentId, ct)))
            throw new DomainException("the parent category is already used by work orders or contractor scopes and must stay a leaf", "parent");

        var category = new ComplaintCategory
        {
            Code = request.Code.Trim(),
            Name = request.Name.Trim(),
            ParentId = request.ParentId,
            SlaHours = request.SlaHours,
            Severity = request.Severity,
            DefaultDepartmentId = request.DefaultDepartmentId,
        };
        db.ComplaintCategories.Add(category);
        await db.SaveChangesAsync(ct);
        return category;
    }
}
